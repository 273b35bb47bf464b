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
import { diagnostic } from '../diagnostics.js';
import type { Diagnostic } from '../graph/types.js';
import type { SourceFile } from './source.js';

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
}

export type FrontMatterResult = { ok: true; value: FrontMatter } | { ok: false; error: Diagnostic };

const DELIMITERS: Record<string, { format: FrontMatterFormat; close: RegExp }> = {
  '+++': { format: 'toml', close: /^\+\+\+\s*$/ },
  '---': { format: 'yaml', close: /^(---|\.\.\.)\s*$/ },
};

/** Dates and other non-JSON values (TomlDate, Date) become plain strings. */
function toPlain(value: unknown): unknown {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return String(value);
    const iso = value.toISOString();
    // TomlDate keeps the form it was written in (a date alone stays a date).
    const written = value.toString();
    if (/^\d{4}-\d{2}-\d{2}$/.test(written)) return written;
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

function errorAt(
  source: SourceFile,
  line: number,
  column: number,
  what: string,
  detail: string,
): FrontMatterResult {
  return {
    ok: false,
    error: diagnostic('FRONTMATTER_INVALID', source.path, line, `${what} front matter: ${detail}`, column),
  };
}

export function parseFrontMatter(source: SourceFile): FrontMatterResult {
  const lines = source.text.split('\n');
  const first = (lines[0] ?? '').trim();
  const none: FrontMatterResult = {
    ok: true,
    value: { format: 'none', data: {}, bodyLine: 1, body: source.text, lines: [], startLine: 1 },
  };

  if (first === '{') return parseJson(source, lines);
  const delimiter = DELIMITERS[first];
  if (delimiter === undefined) return none;

  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (delimiter.close.test(lines[i] ?? '')) {
      close = i;
      break;
    }
  }
  if (close === -1) {
    return {
      ok: false,
      error: diagnostic(
        'FRONTMATTER_UNCLOSED',
        source.path,
        1,
        `${delimiter.format.toUpperCase()} front matter opened with ${first} is never closed`,
        1,
      ),
    };
  }

  const block = lines.slice(0, close + 1).join('\n');
  let data: unknown;
  try {
    if (delimiter.format === 'toml') {
      data = matter(`${block}\n`, {
        language: 'toml',
        delimiters: '+++',
        engines: { toml: (s: string) => parseToml(s) as object },
      }).data;
    } else {
      data = matter(`${block}\n`, { language: 'yaml', delimiters: '---' }).data;
    }
  } catch (error) {
    const e = error as {
      line?: number;
      column?: number;
      mark?: { line: number; column: number };
      reason?: string;
    };
    if (delimiter.format === 'toml') {
      const message =
        error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
      return errorAt(
        source,
        e.line ?? 1,
        e.column ?? 1,
        'TOML',
        message.replace(/^Invalid TOML document: /, ''),
      );
    }
    const line = e.mark ? e.mark.line + 1 : 1;
    const column = e.mark ? e.mark.column + 1 : 1;
    return errorAt(source, line, column, 'YAML', e.reason ?? String(error));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return errorAt(source, 2, 1, delimiter.format.toUpperCase(), 'expected a table of fields');
  }
  return {
    ok: true,
    value: {
      format: delimiter.format,
      data: toPlain(data) as Record<string, unknown>,
      bodyLine: close + 2,
      body: lines.slice(close + 1).join('\n'),
      lines: lines.slice(0, close + 1),
      startLine: 1,
    },
  };
}

function parseJson(source: SourceFile, lines: string[]): FrontMatterResult {
  // Hugo JSON front matter: an object starting on line 1, closed by `}` at the start of a line.
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (/^\}\s*$/.test(lines[i] ?? '')) {
      close = i;
      break;
    }
  }
  if (close === -1) {
    return {
      ok: false,
      error: diagnostic(
        'FRONTMATTER_UNCLOSED',
        source.path,
        1,
        'JSON front matter opened with { is never closed',
        1,
      ),
    };
  }
  const block = lines.slice(0, close + 1).join('\n');
  let data: unknown;
  try {
    data = JSON.parse(block);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    let line = 1;
    let column = 1;
    if (position?.[1] !== undefined) {
      const offset = Number(position[1]);
      const before = block.slice(0, offset).split('\n');
      line = before.length;
      column = (before[before.length - 1] ?? '').length + 1;
    }
    return errorAt(source, line, column, 'JSON', message.replace(/ in JSON at position \d+.*$/, ''));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return errorAt(source, 1, 1, 'JSON', 'expected an object');
  }
  return {
    ok: true,
    value: {
      format: 'json',
      data: data as Record<string, unknown>,
      bodyLine: close + 2,
      body: lines.slice(close + 1).join('\n'),
      lines: lines.slice(0, close + 1),
      startLine: 1,
    },
  };
}

/** 1-based file line of a front matter key (`key =`, `key:`, `"key":`), or the first line. */
export function keyLine(fm: FrontMatter, key: string): number {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^\\s*(?:"${escaped}"|'${escaped}'|${escaped})\\s*[:=]`);
  const index = fm.lines.findIndex((line) => pattern.test(line));
  return index === -1 ? fm.startLine : fm.startLine + index;
}
