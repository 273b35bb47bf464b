/**
 * @module cli/indexCommand
 * `talkgraph index`: index the content and print a summary, or with --json one
 * JSON object whose field names other tools rely on.
 */
import { type GraphData, talkCountByTool } from '../graph/store.js';
import { indexContent } from '../indexing/indexer.js';
import {
  CACHE_USAGE,
  cacheDir,
  cacheOptions,
  contentOptions,
  contentRoot,
  parse,
  reportCache,
} from './options.js';
import { plural } from './text.js';

export const USAGE = `usage: talkgraph index [--content DIR] [--json] [--no-catalogue] [--no-cache]

Indexes the content folder and prints a summary; --json prints the whole index.

${CACHE_USAGE}
`;

export function indexJson(data: GraphData) {
  const conferenceName = new Map(data.conferences.map((c) => [c.slug, c.name]));
  const toolName = new Map(data.tools.map((t) => [t.slug, t.name]));
  const topicName = new Map(data.topics.map((t) => [t.slug, t.name]));
  const speakerName = new Map(data.speakers.map((s) => [s.slug, s.name]));
  const linkBy = new Map(data.links.map((l) => [l.url, l]));
  const talkCount = talkCountByTool(data);
  return {
    counts: {
      conferences: data.conferences.length,
      talks: data.talks.length,
      tools: data.tools.length,
      topics: data.topics.length,
      speakers: data.speakers.length,
      links: data.links.length,
    },
    conferences: data.conferences.map((c) => ({
      name: c.name,
      slug: c.slug,
      year: c.year,
      location: c.location,
      startDate: c.startDate,
      endDate: c.endDate,
      playlistUrl: c.playlistUrl,
      talks: c.talkSlugs.length,
    })),
    talks: data.talks.map((t) => ({
      title: t.title,
      slug: t.slug,
      conference: t.conferenceSlug === null ? null : (conferenceName.get(t.conferenceSlug) ?? null),
      speakers: t.speakerSlugs.map((s) => speakerName.get(s) ?? s),
      youtubeId: t.youtubeId,
      videoUrl: t.videoUrl,
      videoStart: t.videoStart,
      tools: t.mentions.map((m) => toolName.get(m.toolSlug) ?? m.toolSlug),
      topics: t.topicSlugs.map((s) => topicName.get(s) ?? s),
      links: t.citations.map((c) => ({
        url: c.url,
        kind: linkBy.get(c.url)?.kind ?? 'OTHER',
        label: c.label,
      })),
      path: t.source.path,
      line: t.source.line,
    })),
    tools: data.tools.map((t) => ({
      name: t.name,
      slug: t.slug,
      inferred: t.inferred,
      source: t.origin,
      talkCount: talkCount.get(t.slug) ?? 0,
    })),
    diagnostics: data.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      path: d.path,
      line: d.line,
      column: d.column ?? null,
      message: d.message,
    })),
  };
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parse(
    argv,
    { ...contentOptions, ...cacheOptions, json: { type: 'boolean' } },
    { name: 'index', usage: USAGE },
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const root = contentRoot(values.content);
  const { data, durationMs, cache } = await indexContent({
    root,
    catalogue: !values['no-catalogue'],
    cacheDir: cacheDir(values),
  });
  reportCache('index', cache);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(indexJson(data), null, 2)}\n`);
    return 0;
  }
  // The summary is read straight from the graph and written in pieces: a copy of the whole index
  // for a few lines per talk would double what a large corpus keeps in memory.
  const out: string[] = [];
  const flush = () => {
    process.stdout.write(`${out.join('\n')}\n`);
    out.length = 0;
  };
  out.push(
    `Indexed ${root} in ${durationMs.toFixed(0)} ms: ${[
      plural(data.conferences.length, 'conference'),
      plural(data.talks.length, 'talk'),
      plural(data.tools.length, 'tool'),
      plural(data.topics.length, 'topic'),
      plural(data.speakers.length, 'speaker'),
      plural(data.links.length, 'link'),
    ].join(', ')}`,
  );
  for (const conf of data.conferences) {
    const dates = conf.startDate === null ? '' : `, ${conf.startDate} to ${conf.endDate}`;
    out.push(
      `\n${conf.name} (${conf.year ?? 'year unknown'}${conf.location ? `, ${conf.location}` : ''}${dates}): ${plural(conf.talkSlugs.length, 'talk')}`,
    );
  }
  out.push('\nTalks:');
  const toolName = new Map(data.tools.map((t) => [t.slug, t.name]));
  for (const t of data.talks) {
    const video = t.youtubeId ?? t.videoUrl ?? 'no video';
    const tools = t.mentions.map((m) => toolName.get(m.toolSlug) ?? m.toolSlug);
    out.push(`  ${t.title} [${video}]${tools.length > 0 ? ` - ${tools.join(', ')}` : ''}`);
    if (out.length >= 1000) flush();
  }
  const talkCount = talkCountByTool(data);
  const top = data.tools
    .map((t) => ({ name: t.name, talkCount: talkCount.get(t.slug) ?? 0 }))
    .filter((t) => t.talkCount > 0)
    .sort((a, b) => b.talkCount - a.talkCount || a.name.localeCompare(b.name));
  out.push(
    `\nTop tools: ${
      top
        .slice(0, 10)
        .map((t) => `${t.name} (${t.talkCount})`)
        .join(', ') || 'none'
    }`,
  );
  const counts = { ERROR: 0, WARNING: 0, INFO: 0 };
  for (const d of data.diagnostics) counts[d.severity] += 1;
  out.push(
    `\nDiagnostics: ${counts.ERROR} errors, ${counts.WARNING} warnings, ${counts.INFO} infos (talkgraph check lists them)`,
  );
  flush();
  return 0;
}
