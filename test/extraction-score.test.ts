/**
 * Extraction quality on a corpus of notes written in several people's styles:
 * precision and recall per entity kind against hand-written expectations.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphData } from '../src/graph/store.js';
import { indexContent } from '../src/indexing/indexer.js';
import { lookupKey } from '../src/keys.js';
import { loadContent } from '../src/load/walk.js';
import {
  formatScores,
  KINDS,
  type Kind,
  listExpectations,
  ownConferences,
  precision,
  recall,
  score,
  type Tally,
} from './helpers/score.js';

const CORPUS = 'test/fixtures/corpus';
const EXPECTED = 'test/fixtures/expected';
const NOW = new Date('2026-11-25');

let withCatalogue: Record<Kind, Tally>;
let withoutCatalogue: Record<Kind, Tally>;
let data: GraphData;

beforeAll(async () => {
  ({ data } = await indexContent({ root: CORPUS, now: NOW }));
  const own = ownConferences((await loadContent(CORPUS)).files, { now: NOW });
  withCatalogue = score(data, EXPECTED, own);
  // Only its tool mentions are reported.
  const bare = await indexContent({ root: CORPUS, now: NOW, catalogue: false });
  withoutCatalogue = score(bare.data, EXPECTED, own);
  console.log(`Extraction scores with the catalogue:\n${formatScores(withCatalogue)}`);
  console.log(
    `Tool mentions without the catalogue: precision ${precision(withoutCatalogue.tools).toFixed(3)}, recall ${recall(withoutCatalogue.tools).toFixed(3)}`,
  );
});

/**
 * A ratchet: each floor is the score last reached on this corpus, rounded
 * down to three decimals, so one more miss or false positive fails. Raise a
 * floor when the extractor improves; never lower one to make a change pass.
 */
const FLOORS: Record<Kind, { precision: number; recall: number }> = {
  talks: { precision: 1, recall: 1 },
  speakers: { precision: 0.989, recall: 1 },
  videos: { precision: 1, recall: 1 },
  links: { precision: 0.993, recall: 0.993 },
  tools: { precision: 0.995, recall: 0.975 },
  conferences: { precision: 0.974, recall: 0.943 },
};

describe('extraction on notes by other people', () => {
  for (const kind of KINDS) {
    const floor = FLOORS[kind];
    it(`finds ${kind} with precision of at least ${floor.precision} and recall of at least ${floor.recall}`, () => {
      const t = withCatalogue[kind];
      expect(t.tp, `${kind}: no expected facts at all`).toBeGreaterThan(0);
      expect(precision(t), `${kind} false positives:\n${t.extras.join('\n')}`).toBeGreaterThanOrEqual(
        floor.precision,
      );
      expect(recall(t), `${kind} misses:\n${t.misses.join('\n')}`).toBeGreaterThanOrEqual(floor.recall);
    });
  }

  it('explains every heading it does not take as a talk', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const rel of readExpectationFiles()) {
      const expectation = JSON.parse(readFileSync(`${EXPECTED}/${rel}`, 'utf8')) as {
        skippedHeadings?: string[];
      };
      const path = `posts/${rel.replace(/\.json$/, '.md')}`;
      const explained = data.diagnostics
        .filter((d) => d.path === path && d.code === 'HEADING_NOT_TALK')
        .map((d) => lookupKey(d.message));
      for (const heading of expectation.skippedHeadings ?? []) {
        checked += 1;
        if (!explained.some((m) => m.includes(lookupKey(heading)))) missing.push(`${path}: ${heading}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it('merges posts about the same conference into one node', () => {
    const names = new Map<string, Set<string>>();
    const posts = new Map<string, number>();
    for (const rel of readExpectationFiles()) {
      const expectation = JSON.parse(readFileSync(`${EXPECTED}/${rel}`, 'utf8')) as {
        conference: { name: string } | null;
      };
      if (expectation.conference === null) continue;
      const post = data.posts.find((p) => p.path === `posts/${rel.replace(/\.json$/, '.md')}`);
      const set = names.get(expectation.conference.name) ?? new Set();
      set.add(post?.conferenceSlug ?? '(none)');
      names.set(expectation.conference.name, set);
      posts.set(expectation.conference.name, (posts.get(expectation.conference.name) ?? 0) + 1);
    }
    // Several events have more than one post, so there is something to merge.
    expect([...posts.values()].filter((n) => n > 1).length).toBeGreaterThan(1);
    const split = [...names.entries()].filter(([, slugs]) => slugs.size > 1);
    expect(split).toEqual([]);
  });
});

describe('ordinary words that are also tool names', () => {
  it('yields no tool mentions for them', async () => {
    const { forbiddenTools } = JSON.parse(readFileSync('test/fixtures/ambiguous/expected.json', 'utf8')) as {
      forbiddenTools: string[];
    };
    const { data: prose } = await indexContent({ root: 'test/fixtures/ambiguous', now: NOW });
    expect(prose.talks.length).toBeGreaterThan(0);
    const forbidden = new Set(forbiddenTools.map(lookupKey));
    const found = prose.talks.flatMap((t) =>
      t.mentions
        .filter((m) => {
          const tool = prose.tools.find((x) => x.slug === m.toolSlug);
          return tool !== undefined && [tool.name, tool.slug].some((n) => forbidden.has(lookupKey(n)));
        })
        .map((m) => `${t.title}: ${m.toolSlug} (${m.evidence.map((e) => `${e.line} ${e.text}`).join('; ')})`),
    );
    expect(found).toEqual([]);
  });
});

describe("the README's extraction figures", () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(
    readme.indexOf('## Extraction quality'),
    readme.indexOf('## The tool catalogue'),
  );
  const rows = [...section.matchAll(/^\| ([^|]+) \| ([\d.]+) \| ([\d.]+) \| (\d+) \|$/gm)];

  it('are the scores of this run, one row per kind in order', () => {
    const written = rows.map((r) => [r[2], r[3], Number(r[4])]);
    const measured = KINDS.map((k) => {
      const t = withCatalogue[k];
      return [precision(t).toFixed(3), recall(t).toFixed(3), t.tp + t.fn];
    });
    expect(written).toEqual(measured);
    expect(section.replace(/\s+/g, ' ')).toContain(`of the ${withCatalogue.tools.fn} missed tool mentions`);
  });

  it('give the tool scores with and without the catalogue as measured', () => {
    const figures = (t: Tally) => `precision ${precision(t).toFixed(3)}, recall ${recall(t).toFixed(3)}`;
    expect(readme).toContain(
      `with the catalogue:\n${figures(withCatalogue.tools)}; without it (repository links only):\n${figures(withoutCatalogue.tools)}.`,
    );
  });
});

function readExpectationFiles(): string[] {
  return listExpectations(EXPECTED);
}
