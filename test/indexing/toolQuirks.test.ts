/**
 * The indexer on tool names that are ordinary words, aliases and registries. Most cases index the content
 * root under test/fixtures/quirks/; the rest index inline strings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphData } from '../../src/graph/store.js';

import { indexQuirks, mention, TOOLING, talk } from '../helpers/quirks.js';

let data: GraphData;

beforeAll(async () => {
  data = await indexQuirks();
});

describe('tools', () => {
  it('finds a tool by its name in any case', () => {
    const m = mention(talk('Sandboxing in Production'), 'gvisor');
    expect(m?.via).toBe('NAME');
    expect(m?.evidence).toEqual([
      { path: TOOLING, line: 8, text: '- We ran GVISOR for every untrusted workload.' },
    ]);
  });

  it('finds a tool by an alias', () => {
    const m = mention(talk('Runtime Classes'), 'gvisor');
    expect(m?.via).toBe('ALIAS');
    expect(m?.evidence.map((e) => e.line)).toEqual([13]);
  });

  it('finds a tool by a link into its repository', () => {
    const m = mention(talk('Contributing Upstream'), 'gvisor');
    expect(m?.via).toBe('REPOSITORY');
    expect(m?.evidence.map((e) => e.line)).toEqual([18]);
  });

  it('does not match a caseSensitive tool in "a first draft of the doc" nor at the start of a sentence', () => {
    const t = talk('Writing Design Docs');
    expect(mention(t, 'draft')).toBeUndefined();
  });

  it('matches a caseSensitive tool written with its case inside a sentence', () => {
    const t = talk('Shipping Faster');
    expect(mention(t, 'draft')?.via).toBe('NAME');
    expect(mention(t, 'draft')?.evidence.map((e) => e.line)).toEqual([30]);
    expect(mention(t, 'prometheus')?.via).toBe('NAME');
  });

  it('makes an inferred tool, named after the repository, from a link to an unknown GitHub project', () => {
    const tool = data.tools.find((t) => t.slug === 'widget-factory');
    expect(tool).toMatchObject({
      name: 'widget-factory',
      inferred: true,
      origin: 'INFERRED',
      repositoryUrl: 'https://github.com/acme-corp/widget-factory',
    });
    expect(mention(talk('Contributing Upstream'), 'widget-factory')?.via).toBe('REPOSITORY');
    // A link inside a known tool's repository infers nothing.
    expect(data.tools.filter((t) => t.inferred).map((t) => t.slug)).not.toContain('gvisor-2');
  });

  it('keeps registry tools and their matches case-insensitive in posts without front matter', () => {
    const t = talk('Observability on a budget');
    expect(t.mentions.map((m) => [m.toolSlug, m.via]).sort()).toEqual([
      ['gvisor', 'NAME'],
      ['prometheus', 'NAME'],
    ]);
  });
});
