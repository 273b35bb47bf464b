/**
 * The bundled example post, indexed with the bundled registries, answers the
 * questions of the product specification.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphData } from '../src/graph/store.js';
import { indexContent } from '../src/indexing/indexer.js';

const POST = 'posts/2018-05-kubecon-europe.md';
let data: GraphData;

beforeAll(async () => {
  ({ data } = await indexContent({ root: 'content' }));
});

const talksOfTool = (name: string) => {
  const tool = data.tools.find((t) =>
    [t.name, ...t.aliases].some((n) => n.toLowerCase() === name.toLowerCase()),
  );
  expect(tool, `tool ${name}`).toBeDefined();
  return data.talks.filter((t) => t.mentions.some((m) => m.toolSlug === tool?.slug)).map((t) => t.title);
};

describe('the bundled KubeCon Europe 2018 post', () => {
  it('ships the example post unchanged', () => {
    // The digest of the example post as published; any edit to the shipped copy changes it.
    const digest = createHash('sha256')
      .update(readFileSync(`content/${POST}`))
      .digest('hex');
    expect(digest).toBe('3b76bce6b34f0243d494afdf38dc3dd5096df128180554183a414f9bde8027cf');
  });

  it('has one conference with its year, dates and country', () => {
    expect(data.conferences).toHaveLength(1);
    const [c] = data.conferences;
    expect(c?.name).toBe('KubeCon + CloudNativeCon Europe 2018');
    expect(c?.year).toBe(2018);
    expect(c?.startDate).toBe('2018-05-02');
    expect(c?.endDate).toBe('2018-05-04');
    expect(c?.location).toContain('Denmark');
  });

  it('finds seven talks in file order, each with its YouTube id', () => {
    expect(data.talks.map((t) => t.youtubeId)).toEqual([
      'OUYTNywPk-s',
      '_CFgSksTT54',
      '8iQRJXJHiZ8',
      '2eAOx8E6-5Q',
      'H06qrNmGqyE',
      '0sh2aWdfBxA',
      '8fSNDxA_irY',
    ]);
    expect(data.talks[0]?.title).toBe('Anatomy of a Production Kubernetes Outage');
    expect(data.talks.every((t) => t.conferenceSlug === data.conferences[0]?.slug)).toBe(true);
    const lines = data.talks.map((t) => t.source.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it("finds gVisor's talks in any case", () => {
    const expected = [
      'Kubernetes Project Update',
      'Container Native observability & security from Google Cloud',
    ];
    expect(talksOfTool('gvisor')).toEqual(expected);
    expect(talksOfTool('GVISOR')).toEqual(expected);
  });

  it('finds Draft through its repository link only', () => {
    expect(talksOfTool('Draft')).toEqual(['Container-Native dev and ops experience']);
    const talk = data.talks.find((t) => t.title === 'Container-Native dev and ops experience');
    const mention = talk?.mentions.find((m) => m.toolSlug === 'draft');
    expect(mention?.via).toBe('REPOSITORY');
    expect(mention?.evidence[0]?.text).toContain('github.com/Azure/draft');
  });

  it('finds Prometheus and Stackdriver in both Google talks', () => {
    const google = [
      'Kubernetes Project Update',
      'Container Native observability & security from Google Cloud',
    ];
    expect(talksOfTool('Prometheus')).toEqual(google);
    expect(talksOfTool('Stackdriver')).toEqual(google);
  });

  it('makes the playlist link a PLAYLIST of the conference, not a video of a talk', () => {
    const playlist = data.links.find(
      (l) => l.url.includes('list=PLj6h78yzYM2N8GdbjmhVU65KYm_68qBmo') && l.youtubeId,
    );
    expect(playlist?.kind).toBe('PLAYLIST');
    expect(playlist?.talkSlugs).toEqual([]);
    expect(playlist?.conferenceSlugs).toEqual([data.conferences[0]?.slug]);
    expect(data.talks[0]?.videoUrl).toBe('https://www.youtube.com/watch?v=OUYTNywPk-s');
  });

  it('keeps the 3018 date as written and warns about it at its line', () => {
    expect(data.posts[0]?.date).toBe('3018-05-16');
    const warning = data.diagnostics.find((d) => d.code === 'DATE_IMPLAUSIBLE');
    expect(warning).toMatchObject({ severity: 'WARNING', path: POST, line: 8 });
    expect(data.diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([]);
  });

  it('keeps provenance on every talk, link and mention', () => {
    for (const talk of data.talks) {
      expect(talk.source.path).toBe(POST);
      for (const m of talk.mentions) for (const e of m.evidence) expect(e).toMatchObject({ path: POST });
    }
    for (const link of data.links) expect(link.source.line).toBeGreaterThan(0);
  });

  it('labels links with the text before them and classifies them', () => {
    const repo = data.links.find((l) => l.url === 'https://github.com/cncf/landscape');
    expect(repo).toMatchObject({ kind: 'REPOSITORY', label: 'Github Link' });
    const podcast = data.links.find((l) => l.url === 'https://kubernetespodcast.com/');
    expect(podcast?.kind).toBe('PODCAST');
  });
});
