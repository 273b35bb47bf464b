/**
 * Property: whatever markdown it is given (front matter in any format, broken
 * or not; headings of any level with any text; lists, paragraphs with URLs of
 * every kind and junk; shortcodes, HTML, code fences, tables; CRLF or LF), the
 * indexer never throws, never fails a file for a bug of its own, and every
 * line it reports lies inside the file it names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphData } from '../src/graph/store.js';
import { indexFiles } from '../src/indexing/indexer.js';
import { loadedFiles, TEST_NOW } from './helpers/indexText.js';

const NUM_RUNS = 200;

/** Characters markdown, YAML, TOML and JSON give a meaning to, mixed into text. */
const awkward = fc.constantFrom(
  '*',
  '_',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '`',
  '#',
  '{',
  '}',
  '|',
  '-',
  '+',
  '!',
  ':',
  '"',
  "'",
  '\\',
  '=',
  ' ',
  '\t',
  '\r',
  '\u00a0',
  '\u2028',
  '\ufeff',
  'é',
  '日',
  '🚀',
  '\u0301',
);

const text = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 3 },
  { arbitrary: fc.string({ unit: awkward, maxLength: 20 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 15 }), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      'Summary',
      'Day 1',
      'Keynote: The Future - Jane Doe',
      'Talk by John Smith',
      'Title (Ann Lee, Acme)',
      'Kubernetes Project Update - Google',
      'Video Link:',
      'Speaker: Jane Doe',
      'We ran gVisor and Draft with Prometheus.',
      'a first draft',
    ),
    weight: 2,
  },
);

const youtubeId = fc.stringMatching(/^[A-Za-z0-9_-]{11}$/);
const offset = fc.constantFrom('', '?t=90', '?t=1m30s', '?t=42', '?start=5', '#t=2m', '?t=xyz');

const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  youtubeId.map((id) => `https://www.youtube.com/watch?v=${id}`),
  fc.tuple(youtubeId, offset).map(([id, o]) => `https://youtu.be/${id}${o}`),
  fc.tuple(youtubeId, offset).map(([id, o]) => `https://www.youtube.com/embed/${id}${o}`),
  fc
    .tuple(youtubeId, fc.stringMatching(/^PL[A-Za-z0-9_-]{4,20}$/))
    .map(([id, list]) => `https://www.youtube.com/watch?v=${id}&list=${list}&t=1m`),
  youtubeId.map((id) => `https://www.youtube.com/shorts/${id}`),
  fc.constantFrom(
    'https://github.com/google/gvisor',
    'https://github.com/Azure/draft/tree/main',
    'https://github.com/orgs/x',
    'https://gitlab.com/a/b.git',
    'https://example.com/a.',
    '(https://example.com/b)',
    'https://example.com/c?utm_source=x&id=1',
    'https://speakerdeck.com/a/b',
    'https://',
    'http://exa mple.com',
    'https://[::1',
    'https://localhost',
    'www.example.com',
    'https://www.youtube.com/watch?v=short',
    'https://www.youtube.com/playlist?list=PL123',
    'mailto:x@example.com',
    'https://xn--nxasmq6b.com/%E0%A4%A',
  ),
  fc.string({ unit: awkward, maxLength: 10 }).map((junk) => `https://example.com/${junk}`),
);

const inline = fc.oneof(
  text,
  url,
  fc.tuple(text, url).map(([t, u]) => `[${t}](${u})`),
  url.map((u) => `<${u}>`),
  fc.tuple(text, url).map(([t, u]) => `${t} ${u}`),
  url.map((u) => `Video Link: ${u}`),
  text.map((t) => `\`${t}\``),
);

const line = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));

const block = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 4 }), text).map(([level, t]) => `${'#'.repeat(level)} ${t}`),
  fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => lines.map((l) => `- ${l}`).join('\n')),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
  youtubeId.map((id) => `{{< youtube ${id} >}}`),
  youtubeId.map((id) => `{{< youtube id="${id}" >}}`),
  youtubeId.map((id) => `{< youtube ${id} >}`),
  fc.string({ unit: awkward, maxLength: 12 }).map((junk) => `{{< youtube ${junk} >}}`),
  fc
    .tuple(youtubeId, fc.boolean())
    .map(([id, split]) =>
      split
        ? `<iframe width="560"\n  src="https://www.youtube.com/embed/${id}"\n  frameborder="0"></iframe>`
        : `<iframe src="https://www.youtube.com/embed/${id}"></iframe>`,
    ),
  fc.tuple(text, url).map(([t, u]) => `<div>${t}\n<a href="${u}">${t}</a></div>`),
  fc.array(line, { maxLength: 3 }).map((lines) => `\`\`\`\n${lines.join('\n')}\n\`\`\``),
  fc.array(line, { maxLength: 2 }).map((lines) => `\`\`\`\n${lines.join('\n')}`),
  fc.tuple(text, url).map(([t, u]) => `| Talk | Video |\n| --- | --- |\n| ${t} | ${u} |`),
  fc.constantFrom('---', '***', '', 'Video Link:', '- Video Link:', '> quoted https://example.com/q'),
);

const frontMatter = fc.oneof(
  fc.constant(''),
  fc
    .tuple(text, fc.constantFrom('2019-05-02', '3018-05-16', 'not a date', '2019-13-45'))
    .map(([title, date]) => `+++\ntitle = ${JSON.stringify(title)}\ndate = "${date}"\ntags = ["go"]\n+++\n`),
  fc
    .tuple(text, fc.constantFrom('2019-05-02', '3018-05-16', 'yesterday'))
    .map(
      ([title, date]) =>
        `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\ncategories: [conference]\n---\n`,
    ),
  fc
    .tuple(text, fc.constantFrom('2019-05-02', '3018-05-16'))
    .map(([title, date]) => `{\n  "title": ${JSON.stringify(title)},\n  "date": "${date}"\n}\n`),
  fc.constantFrom(
    '+++\ntitle = "Broken\ntags = ["a"\n+++\n',
    '+++\ntitle = "Notes from GopherCon 2019"\n\n',
    '---\ntitle: x\n  bad: indent\n - y\n---\n',
    '---\ntitle: [unclosed\n---\n',
    '---\ntitle: "Notes from GopherCon 2019"\n',
    '{\n  "title": "x"\n  "date": 1\n}\n',
    '{\n  "title": "x",\n',
    '{ "title": "Notes from GopherCon 2019" }\n',
    '---\n- a list\n---\n',
  ),
  fc.tuple(text, text).map(([k, v]) => `---\n${k}: ${v}\n---\n`),
  fc.tuple(text, text).map(([k, v]) => `+++\n${k} = ${v}\n+++\n`),
);

/** A file with LF line endings (any CR in it is content, read as a line break too). */
const lfFile = fc
  .record({
    frontMatter,
    blocks: fc.array(block, { maxLength: 14 }),
    finalNewline: fc.boolean(),
  })
  .map(
    ({ frontMatter, blocks, finalNewline }) =>
      `${frontMatter}${blocks.join('\n\n')}${finalNewline ? '\n' : ''}`,
  );

const file = fc.tuple(lfFile, fc.boolean()).map(([lf, crlf]) => (crlf ? lf.replace(/\r?\n/g, '\r\n') : lf));

const corpus = fc.array(file, { minLength: 1, maxLength: 3 }).map((texts) => {
  const files: Record<string, string> = {};
  texts.forEach((t, i) => {
    files[`posts/p${i}.md`] = t;
  });
  return files;
});

/** Lines as the indexer counts them: LF, CRLF and a lone CR all end a line. */
function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

function index(files: Record<string, string>): GraphData {
  return indexFiles(loadedFiles(files), { now: TEST_NOW, catalogue: false });
}

/** Every line the graph reports, with the path it names, as `what → [path, line]`. */
function reportedLines(data: GraphData): [string, string, number][] {
  const out: [string, string, number][] = [];
  for (const t of data.talks) {
    out.push([`talk ${t.slug}`, t.source.path, t.source.line]);
    for (const c of t.citations) out.push([`citation ${c.url} of ${t.slug}`, t.source.path, c.line]);
    for (const m of t.mentions) {
      for (const e of m.evidence) out.push([`mention of ${m.toolSlug} in ${t.slug}`, e.path, e.line]);
    }
  }
  for (const l of data.links) out.push([`link ${l.url}`, l.source.path, l.source.line]);
  for (const d of data.diagnostics) out.push([`diagnostic ${d.code} ${d.message}`, d.path, d.line]);
  return out;
}

describe('indexing arbitrary markdown', () => {
  it('never throws, and every talk, citation, mention and diagnostic line lies in its file', () => {
    fc.assert(
      fc.property(corpus, (files) => {
        const data = index(files);
        const failed = data.diagnostics.filter((d) => d.code === 'EXTRACTION_FAILED');
        expect(failed, failed.map((d) => d.message).join('\n')).toEqual([]);
        for (const [what, path, line] of reportedLines(data)) {
          const text = files[path];
          expect(text, `${what}: unknown path ${path}`).toBeDefined();
          expect(Number.isInteger(line), `${what}: line ${line}`).toBe(true);
          expect(line, `${what} in ${path}`).toBeGreaterThanOrEqual(0);
          expect(line, `${what} in ${path}`).toBeLessThanOrEqual(lineCount(text ?? ''));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('keeps every citation of a talk inside the lines of its section', () => {
    fc.assert(
      fc.property(corpus, (files) => {
        const data = index(files);
        for (const t of data.talks) {
          expect(t.endLine, `talk ${t.slug}`).toBeGreaterThanOrEqual(t.source.line);
          for (const c of t.citations) {
            expect(c.line, `${c.url} of ${t.slug}`).toBeGreaterThanOrEqual(t.source.line);
            expect(c.line, `${c.url} of ${t.slug}`).toBeLessThanOrEqual(t.endLine);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('indexes a file with CRLF line endings as the same file with LF', () => {
    fc.assert(
      fc.property(lfFile, (text) => {
        // Without stray CRs, the CRLF file has exactly the lines of the LF one.
        const lf = text.replace(/\r/g, '');
        const shape = (data: GraphData) => ({
          talks: data.talks.map((t) => [t.title, t.source.line, t.endLine, t.youtubeId, t.citations]),
          diagnostics: data.diagnostics.map((d) => [d.code, d.line, d.column]),
        });
        expect(shape(index({ 'posts/p.md': lf.replace(/\n/g, '\r\n') }))).toEqual(
          shape(index({ 'posts/p.md': lf })),
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
