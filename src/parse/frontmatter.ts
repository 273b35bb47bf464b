/**
 * @module parse/frontmatter
 * Splits a file into front matter and body. The format is chosen by the
 * opening delimiter, as Hugo does: `+++` TOML, `---` YAML, `{` JSON. TOML and
 * YAML go through gray-matter (always with explicit options: its cache is
 * shared and poisoned by errors when called without); JSON front matter is
 * found here since gray-matter does not know it. Errors carry file line and
 * column; a file whose front matter fails is reported and skipped by callers.
 */
import matter from 'gray-matter';
import { parse as parseToml } from 'smol-toml';
import type { Diagnostic } from '../diagnostics.js';
import { diagnostic } from '../diagnostics.js';
import { lineText, type SourceFile } from './source.js';

export type FrontMatterFormat = 'toml' | 'yaml' | 'json' | 'none';

export interface FrontMatter {
  format: FrontMatterFormat;
  data: Record<string, unknown>;
  /** 1-based line where the body starts. */
  bodyLine: number;
  body: string;
  /** Raw front matter lines, for finding the line of a key. */
  lines: string[];
  /** 1-based line of the first front matter line (the opening delimiter). */
  startLine: number;
  /** Fields of the wrong type, one warning each with its line; those fields are left out of `data`. */
  warnings: Diagnostic[];
}

type FieldType = 'text' | 'names' | 'labels' | 'flag' | 'year';

/**
 * The type each known field must have. Text may be a string or a number
 * (`title: 1984`); names of people a string or a list of strings, never a
 * number (`speakers = 5` is not a person); labels (tags, aliases) the same,
 * numbers allowed (`tags: [2019]`); a flag a boolean or "true"/"false"; a
 * year a number or digits. An empty field counts as absent. A field of
 * another type is reported and ignored rather than read as something it is
 * not.
 */
const FIELD_TYPES: Record<string, FieldType> = {
  title: 'text',
  name: 'text',
  description: 'text',
  date: 'text',
  conference: 'text',
  location: 'text',
  slug: 'text',
  repository: 'text',
  repositoryUrl: 'text',
  website: 'text',
  websiteUrl: 'text',
  url: 'text',
  playlist: 'text',
  playlistUrl: 'text',
  parent: 'text',
  startDate: 'text',
  endDate: 'text',
  speakers: 'names',
  speaker: 'names',
  tags: 'labels',
  categories: 'labels',
  aliases: 'labels',
  topics: 'labels',
  draft: 'flag',
  caseSensitive: 'flag',
  ambiguous: 'flag',
  disabled: 'flag',
  year: 'year',
};

const EXPECTED: Record<FieldType, string> = {
  text: 'text',
  names: 'a name or a list of names',
  labels: 'a word or a list of words',
  flag: 'true or false',
  year: 'a year',
};

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  if (typeof value === 'object') return 'a table';
  return `the ${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}

function hasType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'text':
      return typeof value === 'string' || typeof value === 'number';
    case 'names':
      return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    case 'labels':
      return (
        typeof value === 'string' ||
        typeof value === 'number' ||
        (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
      );
    case 'flag':
      return (
        typeof value === 'boolean' || (typeof value === 'string' && /^(true|false|yes|no)$/i.test(value))
      );
    case 'year':
      return (
        (typeof value === 'number' && Number.isInteger(value)) ||
        (typeof value === 'string' && /^\d{4}$/.test(value.trim()))
      );
  }
}

export type FrontMatterResult = { ok: true; value: FrontMatter } | { ok: false; error: Diagnostic };

/** Opening line → format and the line that closes it. JSON's closing brace is part of the object. */
const DELIMITERS: Record<string, { format: Exclude<FrontMatterFormat, 'none'>; close: RegExp }> = {
  '+++': { format: 'toml', close: /^\+\+\+\s*$/ },
  '---': { format: 'yaml', close: /^(---|\.\.\.)\s*$/ },
  '{': { format: 'json', close: /\}\s*$/ },
};

/** Front matter is a handful of fields: more values than this is an alias bomb or a mistake. */
const MAX_VALUES = 10_000;
const MAX_DEPTH = 32;

/**
 * Dates and other non-JSON values (TomlDate, Date) become plain strings.
 * Bounded: YAML aliases can make cycles or exponential trees ("billion laughs").
 */
function toPlain(value: unknown, budget = { left: MAX_VALUES }, depth = 0): unknown {
  if (--budget.left < 0 || depth > MAX_DEPTH)
    throw new RangeError('front matter is nested too deeply or too large');
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return String(value);
    // TomlDate keeps the form it was written in (a date alone stays a date).
    const written = value.toString();
    if (/^\d{4}-\d{2}-\d{2}$/.test(written)) return written;
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map((v) => toPlain(v, budget, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v, budget, depth + 1);
    return out;
  }
  return value;
}

function failure(
  source: SourceFile,
  line: number,
  column: number,
  format: string,
  detail: string,
): FrontMatterResult {
  return {
    ok: false,
    error: diagnostic('FRONTMATTER_INVALID', source.path, line, `${format} front matter: ${detail}`, column),
  };
}

/** Parses the block (delimiters included); errors carry file line and column. */
function parseBlock(
  source: SourceFile,
  format: Exclude<FrontMatterFormat, 'none'>,
  block: string,
): { data: unknown } | FrontMatterResult {
  try {
    if (format === 'json') return { data: JSON.parse(block) };
    const options =
      format === 'toml'
        ? { language: 'toml', delimiters: '+++', engines: { toml: (s: string) => parseToml(s) as object } }
        : { language: 'yaml', delimiters: '---' };
    return { data: matter(`${block}\n`, options).data };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (format === 'json') {
      // JSON.parse gives only an offset.
      const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
      const before = block.slice(0, offset).split('\n');
      const detail = message.replace(/ in JSON at position \d+.*$/, '');
      return failure(source, before.length, (before[before.length - 1] ?? '').length + 1, 'JSON', detail);
    }
    const e = error as {
      line?: number;
      column?: number;
      mark?: { line: number; column: number };
      reason?: string;
    };
    if (format === 'toml') {
      const detail = (message.split('\n')[0] ?? message).replace(/^Invalid TOML document: /, '');
      return failure(source, e.line ?? 1, e.column ?? 1, 'TOML', detail);
    }
    // js-yaml marks are 0-based within the block, whose first line is the opening delimiter.
    return failure(
      source,
      e.mark ? e.mark.line + 1 : 1,
      e.mark ? e.mark.column + 1 : 1,
      'YAML',
      e.reason ?? message,
    );
  }
}

/**
 * Line index where a JSON object opened at the start of the text closes, or -1.
 * Strings are skipped, so braces inside them do not count; the object may close
 * on the line of its last field (`"x": 1 }`) or on the first line.
 */
function jsonCloseLine(text: string): number {
  let depth = 0;
  let line = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line += 1;
    else if (c === '"') {
      for (i += 1; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\') i += 1;
        else if (text[i] === '\n') line += 1;
      }
    } else if (c === '{') depth += 1;
    else if (c === '}' && --depth === 0) return line;
  }
  return -1;
}

/** Index of the first line after the opening one that closes the block, or -1. */
function closingLine(source: SourceFile, close: RegExp): number {
  for (let i = 1; i < source.lineStarts.length; i++) if (close.test(lineText(source, i + 1))) return i;
  return -1;
}

export function parseFrontMatter(source: SourceFile): FrontMatterResult {
  // Lines are read through the source's line starts: only the front matter's lines are cut out,
  // and the body is one slice of the text rather than its lines joined again.
  const { text, lineStarts } = source;
  const line = (index: number) => lineText(source, index + 1);
  const first = line(0).trim();
  // Hugo JSON front matter opens with "{" then a key (not "{{<", a shortcode).
  // Own keys only: a first line such as `constructor` must not find Object's prototype.
  const delimiter = Object.hasOwn(DELIMITERS, first)
    ? DELIMITERS[first]
    : /^\{\s*("|\}|$)/.test(first)
      ? DELIMITERS['{']
      : undefined;
  if (delimiter === undefined) {
    return {
      ok: true,
      value: {
        format: 'none',
        data: {},
        bodyLine: 1,
        body: text,
        lines: [],
        startLine: 1,
        warnings: [],
      },
    };
  }
  // Check the closing delimiter first: an unclosed block would otherwise swallow the file.
  const close = delimiter.format === 'json' ? jsonCloseLine(text) : closingLine(source, delimiter.close);
  if (close === -1) {
    const message = `${delimiter.format.toUpperCase()} front matter opened with ${first} is never closed`;
    return { ok: false, error: diagnostic('FRONTMATTER_UNCLOSED', source.path, 1, message, 1) };
  }
  const bodyStart = lineStarts[close + 1];
  const parsed = parseBlock(
    source,
    delimiter.format,
    bodyStart === undefined ? text : text.slice(0, bodyStart - 1),
  );
  if ('ok' in parsed) return parsed;
  const data = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return failure(source, 1, 1, delimiter.format.toUpperCase(), 'expected a table of fields');
  }
  let plain: Record<string, unknown>;
  try {
    plain = toPlain(data) as Record<string, unknown>;
  } catch (error) {
    return failure(source, 1, 1, delimiter.format.toUpperCase(), (error as Error).message);
  }
  const value: FrontMatter = {
    format: delimiter.format,
    data: plain,
    bodyLine: close + 2,
    body: bodyStart === undefined ? '' : text.slice(bodyStart),
    lines: Array.from({ length: close + 1 }, (_, i) => line(i)),
    startLine: 1,
    warnings: [],
  };
  for (const [key, type] of Object.entries(FIELD_TYPES)) {
    const field = plain[key];
    if (field === undefined || field === null || hasType(field, type)) continue;
    delete plain[key];
    const message = `${key} should be ${EXPECTED[type]} but is ${kindOf(field)}; it is ignored`;
    value.warnings.push(diagnostic('FRONTMATTER_TYPE', source.path, keyLine(value, key), message));
  }
  return { ok: true, value };
}

/** 1-based file line of a front matter key (`key =`, `key:`, `"key":`), or the first line. */
export function keyLine(fm: FrontMatter, key: string): number {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^\\s*(?:"${escaped}"|'${escaped}'|${escaped})\\s*[:=]`);
  const index = fm.lines.findIndex((line) => pattern.test(line));
  return index === -1 ? fm.startLine : fm.startLine + index;
}
