import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/cli/export.js';
import { toCypher } from '../src/export/cypher.js';
import { toDot } from '../src/export/dot.js';
import { graphElements } from '../src/export/graphElements.js';
import { toGraphml } from '../src/export/graphml.js';
import { toJson } from '../src/export/json.js';
import type { GraphData } from '../src/graph/store.js';
import { syntheticGraph, TALK, TRICKY_TITLE } from './helpers/syntheticGraph.js';

const TRICKY_ID = `talk:${TALK.keynote}`;

function withTitle(title: string): GraphData {
  const data = syntheticGraph();
  const talk = data.talks.find((t) => t.slug === TALK.keynote);
  if (talk === undefined) throw new Error('fixture changed');
  talk.title = title;
  return data;
}

// ---------------------------------------------------------------------------
// Tiny checkers: each reads a format the way its parser would, and throws on
// anything a parser would reject (unterminated strings, unbalanced brackets,
// stray markup), so tests can assert well-formedness and recover the values.

interface Token {
  /** Text outside strings since the previous string. */
  before: string;
  /** The unescaped string value. */
  value: string;
}

const BRACKETS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Scan one line of DOT or Cypher: quoted strings with backslash escapes, brackets balanced outside them. */
function scanLine(
  line: string,
  quote: string,
  decode: (c: string) => string,
): { tokens: Token[]; rest: string } {
  const tokens: Token[] = [];
  const stack: string[] = [];
  let outside = '';
  let all = '';
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (c === quote) {
      let value = '';
      let j = i + 1;
      for (; j < line.length; j++) {
        const d = line.charAt(j);
        if (d === quote) break;
        if (d === '\\') {
          if (j + 1 >= line.length) throw new Error(`dangling backslash in ${line}`);
          const next = line.charAt(j + 1);
          if (next === 'u') {
            value += String.fromCharCode(Number.parseInt(line.slice(j + 2, j + 6), 16));
            j += 5;
          } else {
            value += decode(next);
            j += 1;
          }
        } else value += d;
      }
      if (j >= line.length) throw new Error(`unterminated string in ${line}`);
      tokens.push({ before: outside, value });
      outside = '';
      i = j;
      continue;
    }
    if (c === '\\' || c === '\n' || c === '\r')
      throw new Error(`stray ${JSON.stringify(c)} outside a string in ${line}`);
    if ('([{'.includes(c)) stack.push(c);
    const open = BRACKETS[c];
    if (open !== undefined && stack.pop() !== open) throw new Error(`unbalanced ${c} in ${line}`);
    outside += c;
    all += c;
  }
  if (stack.length > 0 && !(stack.length === 1 && stack[0] === '{' && all.endsWith('{'))) {
    throw new Error(`unclosed ${stack.join('')} in ${line}`);
  }
  return { tokens, rest: all };
}

function parseDot(dot: string): Token[][] {
  const lines = dot.trimEnd().split('\n');
  expect(lines[0]).toBe('digraph talkgraph {');
  expect(lines[lines.length - 1]).toBe('}');
  return lines.slice(1, -1).map((line) => {
    const { tokens, rest } = scanLine(line, '"', (c) => (c === 'n' ? '\n' : c));
    if (!rest.trimEnd().endsWith(';')) throw new Error(`statement without ; in ${line}`);
    return tokens;
  });
}

const CYPHER_UNESCAPE: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", '"': '"' };

function parseCypher(cypher: string): Token[][] {
  return cypher
    .trimEnd()
    .split('\n')
    .map((line) => {
      const { tokens, rest } = scanLine(line, "'", (c) => {
        const out = CYPHER_UNESCAPE[c];
        if (out === undefined) throw new Error(`unknown escape \\${c} in ${line}`);
        return out;
      });
      if (!rest.endsWith(';')) throw new Error(`statement without ; in ${line}`);
      return tokens;
    });
}

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  text: string;
  parent: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(raw: string): string {
  if (/[<]/.test(raw)) throw new Error(`raw < in ${raw}`);
  return raw.replace(/&([^;]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error(`unterminated reference in ${raw}`);
    if (ENTITIES[name] !== undefined) return ENTITIES[name];
    const code = /^#x([0-9a-f]+)$/i.exec(name)?.[1] ?? /^#([0-9]+)$/.exec(name)?.[1];
    if (code === undefined) throw new Error(`unknown entity &${name}; in ${raw}`);
    return String.fromCodePoint(name.startsWith('#x') ? Number.parseInt(code, 16) : Number(code));
  });
}

/** A minimal XML 1.0 well-formedness check: tags balanced, attributes quoted, text and references valid. */
function parseXml(xml: string): XmlElement[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be escaped or checked here
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml))
    throw new Error('invalid XML character');
  let i = 0;
  const declaration = /^<\?xml [^?]*\?>/.exec(xml);
  if (declaration !== null) i = declaration[0].length;
  const elements: XmlElement[] = [];
  const stack: number[] = [];
  let roots = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (stack.length === 0 && text.trim() !== '') throw new Error('text outside the root element');
    const current = stack[stack.length - 1];
    if (current !== undefined) (elements[current] as XmlElement).text += decodeXml(text);
    else decodeXml(text);
    if (lt === -1) break;
    i = lt + 1;
    if (xml.charAt(i) === '/') {
      const end = xml.indexOf('>', i);
      const name = xml.slice(i + 1, end).trim();
      const open = stack.pop();
      if (open === undefined || elements[open]?.name !== name) throw new Error(`unexpected </${name}>`);
      i = end + 1;
      continue;
    }
    const nameMatch = /^[A-Za-z_][\w:.-]*/.exec(xml.slice(i));
    if (nameMatch === null) throw new Error(`bad tag at ${i}`);
    const element: XmlElement = { name: nameMatch[0], attrs: {}, text: '', parent: current ?? -1 };
    i += nameMatch[0].length;
    for (;;) {
      while (/\s/.test(xml.charAt(i))) i++;
      if (xml.startsWith('/>', i) || xml.charAt(i) === '>') break;
      const attr = /^([A-Za-z_][\w:.-]*)="([^"]*)"/.exec(xml.slice(i));
      if (attr === null) throw new Error(`bad attribute at ${i}: ${xml.slice(i, i + 40)}`);
      const [whole, name = '', value = ''] = attr;
      if (name in element.attrs) throw new Error(`duplicate attribute ${name}`);
      element.attrs[name] = decodeXml(value);
      i += whole.length;
    }
    if (stack.length === 0) roots++;
    elements.push(element);
    if (xml.startsWith('/>', i)) i += 2;
    else {
      stack.push(elements.length - 1);
      i += 1;
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${elements[stack[0] as number]?.name}>`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
  return elements;
}

function graphmlValue(elements: XmlElement[], nodeId: string, key: string): string | undefined {
  const node = elements.findIndex((e) => e.name === 'node' && e.attrs.id === nodeId);
  return elements.find((e) => e.parent === node && e.name === 'data' && e.attrs.key === key)?.text;
}

// ---------------------------------------------------------------------------

describe('toJson', () => {
  it('writes the whole graph as JSON that reads back equal', () => {
    const data = syntheticGraph();
    expect(JSON.parse(toJson(data))).toEqual(data);
  });

  it('is stable: sorted keys, same bytes for the same graph', () => {
    const data = syntheticGraph();
    const json = toJson(data);
    expect(toJson(syntheticGraph())).toBe(json);
    expect(Object.keys(JSON.parse(json))).toEqual([...Object.keys(data)].sort());
    expect(json.indexOf('"aliases"')).toBeLessThan(json.indexOf('"endDate"'));
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('writes front-matter dates and big integers JSON can hold', () => {
    const data = syntheticGraph();
    const post = data.posts[0];
    if (post === undefined) throw new Error('fixture changed');
    post.frontMatter = { date: new Date('2018-05-16T00:00:00Z'), big: 2n ** 70n, small: 3n, nan: Number.NaN };
    const back = JSON.parse(toJson(data)).posts[0].frontMatter;
    expect(back).toEqual({
      big: '1180591620717411303424',
      date: '2018-05-16T00:00:00.000Z',
      nan: null,
      small: 3,
    });
  });
});

describe('toGraphml', () => {
  it('is well-formed XML with one node and one edge element per graph element', () => {
    const data = syntheticGraph();
    const elements = parseXml(toGraphml(data));
    const { nodes, edges } = graphElements(data);
    expect(elements.filter((e) => e.name === 'node')).toHaveLength(nodes.length);
    expect(elements.filter((e) => e.name === 'edge')).toHaveLength(edges.length);
    const keys = new Set(elements.filter((e) => e.name === 'key').map((e) => e.attrs.id));
    for (const data of elements.filter((e) => e.name === 'data')) expect(keys.has(data.attrs.key)).toBe(true);
  });

  it('keeps quotes, ampersands, angle brackets, backslashes and newlines of a title', () => {
    const elements = parseXml(toGraphml(syntheticGraph()));
    expect(graphmlValue(elements, TRICKY_ID, 'n_title')).toBe(TRICKY_TITLE);
    expect(graphmlValue(elements, TRICKY_ID, 'n_label')).toBe(TRICKY_TITLE);
  });

  it('replaces characters XML cannot hold', () => {
    const graphml = toGraphml(withTitle('bell\u0007 and lone \uD800 surrogate'));
    const elements = parseXml(graphml);
    expect(graphmlValue(elements, TRICKY_ID, 'n_title')).toBe('bell\uFFFD and lone \uFFFD surrogate');
  });

  it('types keys from their values', () => {
    const elements = parseXml(toGraphml(syntheticGraph()));
    const type = (id: string) =>
      elements.find((e) => e.name === 'key' && e.attrs.id === id)?.attrs['attr.type'];
    expect(type('n_year')).toBe('long');
    expect(type('n_inferred')).toBe('boolean');
    expect(type('n_title')).toBe('string');
  });
});

describe('toDot', () => {
  it('escapes quotes, backslashes and newlines in labels', () => {
    const dot = toDot(syntheticGraph());
    expect(dot).toContain(
      '[label="Keynote: Scaling with \\"quotes\\" & <tags> \\\\ back\\\\slash\\nand a new line", kind="talk"',
    );
    const statements = parseDot(dot);
    const talk = statements.find((tokens) => tokens[0]?.value === TRICKY_ID);
    expect(talk?.[1]?.value).toBe(TRICKY_TITLE);
  });

  it('writes one statement per node and per edge', () => {
    const data = syntheticGraph();
    const statements = parseDot(toDot(data));
    const { nodes, edges } = graphElements(data);
    expect(statements.filter((tokens) => tokens[1]?.before.includes('->'))).toHaveLength(edges.length);
    expect(statements.filter((tokens) => tokens[1]?.before.includes('[label='))).toHaveLength(nodes.length);
  });
});

describe('toCypher', () => {
  it('escapes quotes, backslashes and newlines in strings', () => {
    const cypher = toCypher(syntheticGraph());
    expect(cypher).toContain(
      'title: \'Keynote: Scaling with \\"quotes\\" & <tags> \\\\ back\\\\slash\\nand a new line\'',
    );
    expect(toCypher(withTitle("it's"))).toContain("title: 'it\\'s'");
    const talk = parseCypher(cypher).find((tokens) => tokens[0]?.value === TRICKY_ID);
    expect(talk?.find((t) => t.before.endsWith('title: '))?.value).toBe(TRICKY_TITLE);
  });

  it('merges every node and relationship so the script can run twice', () => {
    const data = syntheticGraph();
    const lines = toCypher(data).trimEnd().split('\n');
    const { nodes, edges } = graphElements(data);
    expect(lines.filter((l) => l.startsWith('CREATE CONSTRAINT'))).toHaveLength(6);
    expect(lines.filter((l) => l.startsWith('MERGE ('))).toHaveLength(nodes.length);
    expect(lines.filter((l) => l.startsWith('MATCH ') && l.includes(')-[r:'))).toHaveLength(edges.length);
    expect(lines.some((l) => l.startsWith('CREATE ('))).toBe(false);
  });
});

describe('exports of random titles', () => {
  const awkward = fc.constantFrom(
    '"',
    "'",
    '\\',
    '\n',
    '\r',
    '\t',
    '<',
    '>',
    '&',
    ';',
    '{',
    '}',
    '[',
    ']',
    '(',
    ')',
    '->',
    ' ',
    'a',
    'é',
    '😀',
    '\u2028',
    '\u0000',
    '\u001b',
    '&amp;',
    ']]>',
    '\\n',
    '\\"',
  );
  const title = fc.oneof(
    fc.string({ unit: awkward, maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
  );

  it('DOT stays balanced and gives back the title', () => {
    fc.assert(
      fc.property(title, (t) => {
        const statements = parseDot(toDot(withTitle(t)));
        const talk = statements.find((tokens) => tokens[0]?.value === TRICKY_ID);
        // DOT keeps one kind of line break and no other control characters.
        const expected = t
          .replace(/\r\n?|\n|\u2028|\u2029/g, '\n')
          // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be escaped or checked here
          .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, ' ');
        expect(talk?.[1]?.value).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('Cypher stays balanced and gives back the title exactly', () => {
    fc.assert(
      fc.property(title, (t) => {
        const talk = parseCypher(toCypher(withTitle(t))).find((tokens) => tokens[0]?.value === TRICKY_ID);
        expect(talk?.find((token) => token.before.endsWith('title: '))?.value).toBe(t);
      }),
      { numRuns: 300 },
    );
  });

  it('GraphML stays well-formed and gives back titles exactly, characters XML cannot hold replaced', () => {
    fc.assert(
      fc.property(title, (t) => {
        const elements = parseXml(toGraphml(withTitle(t)));
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be escaped or checked here
        const expected = t.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '\uFFFD');
        expect(graphmlValue(elements, TRICKY_ID, 'n_title')).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('talkgraph export', () => {
  let dir: string | null = null;
  afterEach(async () => {
    vi.restoreAllMocks();
    if (dir !== null) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      err.push(String(chunk));
      return true;
    });
    return { out, err };
  }

  it('prints usage with --help', async () => {
    const { out } = capture();
    expect(await run(['--help'])).toBe(0);
    expect(out.join('')).toContain('--format json|graphml|dot|cypher');
  });

  it('refuses an unknown format with exit code 2', async () => {
    const { err } = capture();
    expect(await run(['--format', 'xml'])).toBe(2);
    expect(err.join('')).toContain('unknown format "xml"');
  });

  it('refuses an unknown option with exit code 2', async () => {
    const { err } = capture();
    expect(await run(['--colour'])).toBe(2);
    expect(err.join('')).toContain('usage: talkgraph export');
  });

  it('writes the export to --out', async () => {
    dir = await mkdtemp(join(tmpdir(), 'talkgraph-export-'));
    const file = join(dir, 'graph.dot');
    const { err } = capture();
    expect(await run(['--format', 'dot', '--content', dir, '--out', file, '--no-catalogue'])).toBe(0);
    expect((await readFile(file, 'utf8')).startsWith('digraph talkgraph {')).toBe(true);
    expect(err.join('')).toContain(file);
  });

  it('writes JSON to stdout by default', async () => {
    dir = await mkdtemp(join(tmpdir(), 'talkgraph-export-'));
    const { out } = capture();
    expect(await run(['--content', dir])).toBe(0);
    expect(JSON.parse(out.join(''))).toHaveProperty('talks');
  });
});
