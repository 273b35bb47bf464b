/**
 * ToolIndex on its own: how a talk's words and links become mentions of
 * known tools, and when a repository link makes an inferred tool.
 */
import { describe, expect, it } from 'vitest';
import { ToolIndex } from '../../src/extract/tools.js';
import { toolModel } from '../helpers/toolModel.js';

const TOOLS = [
  toolModel('gVisor', { repositoryUrl: 'https://github.com/google/gvisor', aliases: ['runsc'] }),
  toolModel('Prometheus', { websiteUrl: 'https://prometheus.io' }),
  toolModel('Cloud Run', { websiteUrl: 'https://cloud.google.com/run' }),
];
const index = new ToolIndex(TOOLS);
const lineText = (line: number) => `line ${line}`;

describe('ToolIndex', () => {
  it('finds a tool by a link anywhere inside its repository', () => {
    expect(index.byRepository(new URL('https://github.com/google/gvisor/tree/master/runsc'))).toBe('gvisor');
    expect(index.byRepository(new URL('https://github.com/google/other'))).toBeNull();
  });

  it('finds a tool by its website, and a shared host only by the tool path on it', () => {
    expect(index.byWebsite(new URL('https://prometheus.io/docs/introduction'))).toBe('prometheus');
    expect(index.byWebsite(new URL('https://cloud.google.com/run/docs'))).toBe('cloud-run');
    expect(index.byWebsite(new URL('https://cloud.google.com/storage'))).toBeNull();
  });

  it('gives each tool one mention with the evidence of every line naming it, its alias included', () => {
    const { mentions } = index.mentions(
      [
        { text: 'We ran gVisor in production', line: 4, code: false },
        { text: 'runsc is its runtime', line: 5, code: false },
      ],
      [],
      lineText,
    );
    expect(mentions.map((m) => m.toolSlug)).toEqual(['gvisor']);
    expect(mentions[0]?.evidence.map((e) => e.line)).toEqual([4, 5]);
  });

  it('mentions a tool through a repository link, the strongest way', () => {
    const { mentions } = index.mentions(
      [],
      [{ url: new URL('https://github.com/google/gvisor'), line: 9 }],
      lineText,
    );
    expect(mentions).toEqual([
      { toolSlug: 'gvisor', via: 'REPOSITORY', evidence: [{ line: 9, text: 'line 9' }] },
    ]);
  });

  it('infers a tool from a repository link no known tool claims', () => {
    const { mentions, inferred } = index.mentions(
      [],
      [{ url: new URL('https://github.com/acme/widget'), line: 2 }],
      lineText,
    );
    expect(inferred.map((t) => [t.name, t.inferred, t.repositoryUrl])).toEqual([
      ['widget', true, 'https://github.com/acme/widget'],
    ]);
    expect(mentions.map((m) => m.toolSlug)).toEqual([inferred[0]?.slug]);
  });
});
