/**
 * @module diagnostics
 * The catalogue of diagnostic codes. Codes are stable: front ends and scripts
 * filter on them, so a code is never renamed, only added. Each entry says what
 * happened and what to do; the message of a reported diagnostic adds the
 * specifics (the value, the entity).
 */

export type Severity = 'ERROR' | 'WARNING' | 'INFO';

/** One problem found in the content, located in its file. */
export interface Diagnostic {
  /** Stable code from `DIAGNOSTIC_KINDS`; never renamed. */
  code: DiagnosticCode;
  severity: Severity;
  /** Path relative to the content root, with `/` separators. */
  path: string;
  /** 1-based line; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based column where known. */
  column?: number;
  message: string;
}

export interface DiagnosticKind {
  severity: Severity;
  title: string;
  hint: string;
}

export const DIAGNOSTIC_KINDS = {
  FRONTMATTER_INVALID: {
    severity: 'ERROR',
    title: 'Front matter cannot be parsed',
    hint: 'Fix the syntax at the line and column shown; the file is skipped until then.',
  },
  FRONTMATTER_UNCLOSED: {
    severity: 'ERROR',
    title: 'Front matter is not closed',
    hint: 'Add the closing delimiter (+++, --- or }) on a line of its own; the file is skipped until then.',
  },
  FILE_OUTSIDE_ROOT: {
    severity: 'ERROR',
    title: 'A link points outside the content root',
    hint: 'talkgraph never reads outside its content root; copy the file in instead of linking it.',
  },
  FILE_UNREADABLE: {
    severity: 'ERROR',
    title: 'A file cannot be read',
    hint: 'Check its permissions and encoding.',
  },
  FILE_TOO_LARGE: {
    severity: 'ERROR',
    title: 'A file is larger than the indexer accepts',
    hint: 'Split the file: files over 4 MiB are not indexed (the maxFileSize option of the indexer).',
  },
  EXTRACTION_FAILED: {
    severity: 'ERROR',
    title: 'A file could not be indexed',
    hint: 'This is a bug in talkgraph: please report it with the file. The rest of the content is indexed.',
  },
  REGISTRY_INVALID: {
    severity: 'ERROR',
    title: 'A registry entry is incomplete',
    hint: 'Registry files need at least a name; see the README for the fields.',
  },
  DATE_IMPLAUSIBLE: {
    severity: 'WARNING',
    title: 'A date cannot be right',
    hint: 'The date is kept as written; fix the typo in the front matter.',
  },
  DATE_INVALID: {
    severity: 'WARNING',
    title: 'A date cannot be read',
    hint: 'Write dates as YYYY-MM-DD.',
  },
  CONFERENCE_UNKNOWN: {
    severity: 'WARNING',
    title: 'The front matter names a conference the registry does not know',
    hint: 'Add it to conferences/, or fix the name; a conference is made from the name meanwhile.',
  },
  LINK_INVALID: {
    severity: 'WARNING',
    title: 'A link cannot be parsed as a URL',
    hint: 'Check the address for spaces or a missing scheme.',
  },
  SHORTCODE_MALFORMED: {
    severity: 'WARNING',
    title: 'A shortcode is malformed',
    hint: 'Hugo shortcodes are written {{< name args >}}; the video was still read.',
  },
  VIDEO_LINK_EMPTY: {
    severity: 'WARNING',
    title: 'A video label has no link',
    hint: 'Add the URL after the label, or remove the line.',
  },
  DUPLICATE_SLUG: {
    severity: 'WARNING',
    title: 'Two entities share a slug',
    hint: 'The later one gets a numbered slug; rename one to keep URLs stable.',
  },
  TALK_NO_VIDEO: {
    severity: 'INFO',
    title: 'A talk has no video',
    hint: 'Add a "Video Link:" line if a recording exists.',
  },
  HEADING_NOT_TALK: {
    severity: 'INFO',
    title: 'A heading was not taken as a talk',
    hint: 'The message says why; if it is a talk, add its video link or a speaker line.',
  },
  TALK_CANDIDATE: {
    severity: 'INFO',
    title: 'A list item, bold line, table row or whole file was weighed as a talk',
    hint: 'The message lists the evidence and its weights; a video link or a "by Speaker" makes a talk clearer.',
  },
  NOT_CONFERENCE_NOTES: {
    severity: 'INFO',
    title: 'A post is not conference notes',
    hint: 'No talks or conference were found in it; set `conference` in its front matter if that is wrong.',
  },
  FILE_ENCODING: {
    severity: 'WARNING',
    title: 'A file is not valid UTF-8',
    hint: 'Save the file as UTF-8; the bytes that are not were read as U+FFFD meanwhile.',
  },
  FRONTMATTER_TYPE: {
    severity: 'WARNING',
    title: 'A front matter field has the wrong type',
    hint: 'The field is ignored until it has the type the message names (quote text, list names in [ ]).',
  },
} as const satisfies Record<string, DiagnosticKind>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_KINDS;

export function diagnostic(
  code: DiagnosticCode,
  path: string,
  line: number,
  message: string,
  column?: number,
): Diagnostic {
  const d: Diagnostic = { code, severity: DIAGNOSTIC_KINDS[code].severity, path, line, message };
  if (column !== undefined) d.column = column;
  return d;
}

/** A sink extractors report into: diagnostics are collected, never thrown. */
export type Report = (d: Diagnostic) => void;

const severityRank: Record<Severity, number> = { ERROR: 0, WARNING: 1, INFO: 2 };

/** Sorted by path, line, then severity: the order `talkgraph check` prints. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
      a.line - b.line ||
      severityRank[a.severity] - severityRank[b.severity],
  );
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.path}:${d.line}:${d.column ?? 1} ${d.severity.toLowerCase()} ${d.code} ${d.message}`;
}
