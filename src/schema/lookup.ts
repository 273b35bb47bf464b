/**
 * @module schema/lookup
 * The one way a root field finds an entity by what a person would type: its
 * slug, name or alias, case-insensitive. Every `conference(slug)`,
 * `talk(slug)`, `tool(name)`, `topic(name)` and `speaker(name)` goes through
 * `findByName`, so they agree on what counts as the same name.
 */
import type { EntityKind } from '../graph/store.js';
import { textArg } from './args.js';
import type { GraphContext, Loaders } from './context.js';

type NamedKind = Exclude<EntityKind, 'link'>;
type ModelOf<K extends NamedKind> = Loaders[K] extends { load(key: string): Promise<infer V> } ? V : never;

/** The entity of `kind` named `name` (argument `argName`, checked like every text argument); null when unknown. */
export async function findByName<K extends NamedKind>(
  ctx: GraphContext,
  kind: K,
  argName: string,
  name: string,
): Promise<ModelOf<K>> {
  textArg(argName, name);
  const slug = await ctx.loaders.resolve[kind].load(name);
  if (slug === null) return null as ModelOf<K>;
  return (await ctx.loaders[kind].load(slug)) as ModelOf<K>;
}
