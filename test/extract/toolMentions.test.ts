/**
 * Tool mentions read from one talk's text and links (extract/tools), with a
 * small hand-made tool list: platforms named only by a link, slides
 * repositories, and the evidence ordinary-word names need beyond letter case.
 */
import { describe, expect, it } from 'vitest';
import { type CitedLink, ToolIndex } from '../../src/extract/tools.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { toolModel as tool } from '../helpers/toolModel.js';

const TOOLS = new ToolIndex([
  tool('GitHub', { topics: ['version-control'] }),
  tool('Kubernetes', { topics: ['kubernetes'] }),
  tool('Docker', { topics: ['containers'] }),
  tool('Vault', { topics: ['security'] }),
  tool('Vertex AI', { topics: ['ml'] }),
  tool('spaCy', { topics: ['nlp'] }),
  tool('Argo CD', { topics: ['ci-cd'] }),
  tool('containerd', { topics: ['containers'] }),
  tool('Keep', { ambiguous: true, topics: ['observability'] }),
  tool('Ray', { ambiguous: true, topics: ['ml'] }),
  tool('Processing', { ambiguous: true, topics: ['creative-coding'] }),
  tool('Apache Spark', { aliases: ['Spark'], ambiguous: true, topics: ['data-processing'] }),
  tool('pandas', { ambiguous: true, topics: ['python'] }),
  tool('Consul', { ambiguous: true, topics: ['service-discovery'] }),
  tool('Helm', { ambiguous: true, topics: ['kubernetes'] }),
  tool('Rust', { ambiguous: true, topics: ['languages'] }),
]);

/** Names of the tools one talk's markdown mentions (inferred tools included). */
function mentioned(markdown: string): string[] {
  const doc = parseMarkdown(markdown, 1);
  const runs = doc.blocks.flatMap((b) => b.runs);
  const links: CitedLink[] = doc.blocks
    .flatMap((b) => b.links)
    .map((l) => ({ url: new URL(l.href), line: l.line, label: l.text ?? l.before }));
  const { mentions, inferred } = TOOLS.mentions(runs, links, () => '');
  const names = new Map([...TOOLS.all, ...inferred].map((t) => [t.slug, t.name]));
  return mentions.map((m) => names.get(m.toolSlug) ?? m.toolSlug).sort();
}

describe('platforms and repository links', () => {
  it('does not count GitHub when a link into a repository there says "GitHub"', () => {
    expect(mentioned('The code is on [GitHub](https://github.com/acme/widget).')).toEqual(['widget']);
  });

  it('counts GitHub when the notes name it as a tool', () => {
    expect(mentioned('They moved their issues from Jira to GitHub last year.')).toEqual(['GitHub']);
  });

  it('makes no inferred tool of a repository cited as slides', () => {
    const notes = [
      '- Go kit — Peter ([slides](https://github.com/gophercon/2015-talks/blob/master/kit.pdf))',
      '- The [code](https://github.com/acme/widget) is public',
    ].join('\n');
    expect(mentioned(notes)).toEqual(['widget']);
  });
});

describe('ordinary-word names', () => {
  it('does not take a capitalised verb opening a list item for a tool, even in a talk with other tools', () => {
    expect(mentioned('We run Kubernetes.\n\n* Keep it as simple as possible\n* Watch the logs')).toEqual([
      'Kubernetes',
    ]);
  });

  it('takes a name opening a list item when the talk names a tool of its field', () => {
    expect(mentioned('* Ray on Vertex AI for training')).toEqual(['Ray', 'Vertex AI']);
  });

  it('takes a name opening a list item as its subject when the talk names another tool', () => {
    expect(mentioned('* Consul is the storage backend for Vault')).toEqual(['Consul', 'Vault']);
  });

  it('does not take a word inside a capitalised phrase for a tool', () => {
    expect(mentioned('spaCy is a library for industrial-strength Natural Language Processing.')).toEqual([
      'spaCy',
    ]);
  });

  it('takes a lower-case ordinary word listed beside a known tool', () => {
    expect(mentioned('New tools everywhere: docker, spark and more.')).toEqual(['Apache Spark', 'Docker']);
  });

  it('leaves a lower-case ordinary word in prose alone', () => {
    expect(mentioned('We use Docker to spark some joy in the team.')).toEqual(['Docker']);
  });

  it('takes a name followed by a version number mid-sentence, not a number opening a sentence', () => {
    expect(mentioned('We moved to Pandas 2 last year.')).toEqual(['pandas']);
    expect(mentioned('Keep 2 copies of every backup on Kubernetes.')).toEqual(['Kubernetes']);
  });

  it('reads German prose, which capitalises its nouns, as prose rather than a title', () => {
    const notes =
      'Sie hat Jenkins durch Argo CD ersetzt. Die Helm Charts bleiben, Unterschiede pro Umgebung sind klein.';
    expect(mentioned(notes)).toEqual(['Argo CD', 'Helm']);
  });

  it('takes a Latin-script name opening a line of Japanese text', () => {
    expect(mentioned('containerd から呼び出す。\n\nRust で OCI ランタイムを自作した話')).toEqual([
      'Rust',
      'containerd',
    ]);
  });
});
