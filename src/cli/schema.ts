/**
 * @module cli/schema
 * `talkgraph schema`: print the GraphQL schema as SDL, types and fields
 * sorted, or write it to a file (`npm run schema` keeps schema.graphql).
 */
import { writeFile } from 'node:fs/promises';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../schema/index.js';
import { parse } from './options.js';

export const USAGE = `usage: talkgraph schema [--out FILE]

Prints the GraphQL schema (SDL), sorted; --out FILE writes it to FILE instead.
`;

/** The SDL of a schema as schema.graphql holds it: sorted, ending with a newline. */
export function schemaSdl(target: GraphQLSchema = schema): string {
  return `${printSchema(lexicographicSortSchema(target))}\n`;
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parse(argv, { out: { type: 'string', short: 'o' } }, { name: 'schema', usage: USAGE });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const sdl = schemaSdl();
  if (values.out === undefined) process.stdout.write(sdl);
  else await writeFile(values.out, sdl, 'utf8');
  return 0;
}
