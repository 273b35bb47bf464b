/**
 * @module registry/registry
 * The optional registries of a content root (conferences/, tools/, topics/)
 * over the built-in tool catalogue. The user's tools extend and override the
 * catalogue by slug, name or alias; `disabled: true` removes an entry.
 */
import { diagnostic, type Report } from '../diagnostics.js';
import type { ConferenceModel, ToolModel, TopicModel } from '../graph/types.js';
import { lookupKey, slugify } from '../keys.js';
import type { LoadedFile } from '../load/walk.js';
import { parseFrontMatter } from '../parse/frontmatter.js';
import { createSource } from '../parse/source.js';
import { asBoolean, asString, asStringList } from '../parse/values.js';

export interface Registries {
  tools: ToolModel[];
  conferences: ConferenceModel[];
  topics: TopicModel[];
}

function readRegistryFile(file: LoadedFile, report: Report) {
  const source = createSource(file.path, file.text);
  const fm = parseFrontMatter(source);
  if (!fm.ok) {
    report(fm.error);
    return null;
  }
  for (const warning of fm.value.warnings) report(warning);
  const data = fm.value.data;
  const name = asString(data.name) ?? asString(data.title);
  if (name === null) {
    report(
      diagnostic(
        'REGISTRY_INVALID',
        file.path,
        1,
        `${file.path} has no name: add \`name\` to its front matter`,
      ),
    );
    return null;
  }
  return { data, name, body: fm.value.body.trim(), line: 1 };
}

function mergeTool(base: ToolModel, over: ToolModel): ToolModel {
  const aliases = [
    ...new Set([...over.aliases, ...base.aliases, ...(base.name !== over.name ? [base.name] : [])]),
  ];
  return {
    ...base,
    name: over.name,
    aliases,
    description: over.description ?? base.description,
    repositoryUrl: over.repositoryUrl ?? base.repositoryUrl,
    websiteUrl: over.websiteUrl ?? base.websiteUrl,
    topics: over.topics.length > 0 ? over.topics : base.topics,
    caseSensitive: over.caseSensitive || base.caseSensitive,
    ambiguous: over.ambiguous || base.ambiguous,
    origin: 'REGISTRY',
    source: over.source,
  };
}

/** Reads the registry files of a content root over `catalogueTools` (the catalogue's tools, or none). */
export function loadRegistries(
  files: readonly LoadedFile[],
  catalogueTools: readonly ToolModel[],
  report: Report,
): Registries {
  const tools: ToolModel[] = [...catalogueTools];
  const keyIndex = new Map<string, number>();
  const indexTool = (tool: ToolModel, at: number) => {
    for (const key of [tool.slug, tool.name, ...tool.aliases]) keyIndex.set(lookupKey(key), at);
  };
  tools.forEach(indexTool);

  const conferences: ConferenceModel[] = [];
  const topics: TopicModel[] = [];
  for (const file of files) {
    if (file.role === 'post') continue;
    const entry = readRegistryFile(file, report);
    if (entry === null) continue;
    const { data, name, body } = entry;
    const source = { path: file.path, line: 1 };
    if (file.role === 'tool') {
      const slug = asString(data.slug) ?? slugify(name);
      const aliases = asStringList(data.aliases);
      const own: ToolModel = {
        slug,
        name,
        aliases,
        description: asString(data.description) ?? (body === '' ? null : body),
        repositoryUrl: asString(data.repository) ?? asString(data.repositoryUrl),
        websiteUrl: asString(data.website) ?? asString(data.websiteUrl),
        topics: asStringList(data.topics).map(slugify),
        caseSensitive: asBoolean(data.caseSensitive),
        ambiguous: asBoolean(data.ambiguous),
        origin: 'REGISTRY',
        inferred: false,
        source,
      };
      const existing = [slug, name, ...aliases]
        .map((k) => keyIndex.get(lookupKey(k)))
        .find((i) => i !== undefined);
      if (asBoolean(data.disabled)) {
        if (existing !== undefined)
          tools.splice(existing, 1, { ...(tools[existing] as ToolModel), slug: '' });
        continue;
      }
      if (existing !== undefined) {
        const merged = mergeTool(tools[existing] as ToolModel, own);
        tools[existing] = merged;
        indexTool(merged, existing);
      } else {
        tools.push(own);
        indexTool(own, tools.length - 1);
      }
    } else if (file.role === 'conference' || file.role === 'topic') {
      // Two registry files with one slug: the first is kept and the second reported, never merged silently.
      const slug = asString(data.slug) ?? slugify(name);
      const list: { slug: string; source: { path: string } | null }[] =
        file.role === 'conference' ? conferences : topics;
      const first = list.find((e) => e.slug === slug);
      if (first !== undefined) {
        report(
          diagnostic(
            'DUPLICATE_SLUG',
            file.path,
            1,
            `${file.role} "${name}" has the slug "${slug}" of ${first.source?.path ?? 'an earlier entry'}; this file is not used`,
          ),
        );
        continue;
      }
    }
    if (file.role === 'conference') {
      const startDate = asString(data.startDate);
      const year = Number(asString(data.year) ?? startDate?.slice(0, 4) ?? Number.NaN);
      conferences.push({
        slug: asString(data.slug) ?? slugify(name),
        name,
        aliases: asStringList(data.aliases),
        year: Number.isFinite(year) ? year : null,
        location: asString(data.location),
        startDate,
        endDate: asString(data.endDate),
        url: asString(data.url),
        playlistUrl: asString(data.playlist) ?? asString(data.playlistUrl),
        registered: true,
        source,
        talkSlugs: [],
        linkUrls: [],
      });
    } else if (file.role === 'topic') {
      topics.push({
        slug: asString(data.slug) ?? slugify(name),
        name,
        aliases: asStringList(data.aliases),
        parentSlug: asString(data.parent) === null ? null : slugify(asString(data.parent) as string),
        source,
      });
    }
  }
  return { tools: tools.filter((t) => t.slug !== ''), conferences, topics };
}
