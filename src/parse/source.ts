/**
 * @module parse/source
 * A file's text with its name and line offsets, so every fact and error read
 * from it can say where it came from.
 */

export interface SourceFile {
  /** Path relative to the content root, `/`-separated. */
  readonly path: string;
  /** Text with CRLF and CR line endings turned into LF (line numbers are unchanged). */
  readonly text: string;
  /** Offset of the start of each line (index 0 = line 1). */
  readonly lineStarts: readonly number[];
}

export function createSource(path: string, raw: string): SourceFile {
  // A byte-order mark is not content; CRLF and lone CR become LF so line maps agree.
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return { path, text, lineStarts };
}

/** The text of a 1-based line, without its newline. */
export function lineText(source: SourceFile, line: number): string {
  const start = source.lineStarts[line - 1];
  if (start === undefined) return '';
  const end = source.lineStarts[line];
  return source.text.slice(start, end === undefined ? undefined : end - 1);
}
