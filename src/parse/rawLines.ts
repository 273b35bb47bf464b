/**
 * @module parse/rawLines
 * Line counting over an inline token's raw text, for the pieces whose
 * newlines markdown-it's tokens do not show (inline HTML, code spans).
 */

/**
 * Follows the raw text of an inline token so pieces that span lines move the
 * line count on by their newlines: markdown-it gives line breaks as tokens,
 * but a newline inside an HTML comment or tag stays in its content, and one
 * inside a code span becomes a space.
 */
export class RawLines {
  /** Where the pieces read so far end in the raw text. */
  private position = 0;
  constructor(private readonly raw: string) {}

  /** A line break token: the next newline ends the current line. */
  lineBreak(): void {
    const at = this.raw.indexOf('\n', this.position);
    if (at !== -1) this.position = at + 1;
  }

  /** Newlines inside a piece written verbatim (inline HTML), found from the current line on. */
  verbatim(content: string): number {
    const at = this.raw.indexOf(content, this.position);
    if (at === -1) return 0;
    this.position = at + content.length;
    return newlinesIn(this.raw, at, this.position);
  }

  /**
   * The lines of a code span that spans several (markdown-it gives its content with spaces for
   * newlines); null when it holds no newline or cannot be found.
   */
  codeSpan(markup: string, content: string): string[] | null {
    // A span opens and closes with backtick runs of exactly its markup's length: "``" inside a "`" span is text.
    const open = backtickRun(this.raw, markup.length, this.position);
    if (open === -1) return null;
    const start = open + markup.length;
    const close = backtickRun(this.raw, markup.length, start);
    // Not this span (an escaped backtick came first): count nothing rather than guess.
    if (close === -1 || !this.raw.slice(start, close).replace(/\n/g, ' ').includes(content.trim()))
      return null;
    this.position = close + markup.length;
    const lines = this.raw.slice(start, close).split('\n');
    return lines.length > 1 ? lines : null;
  }
}

/** Where the first run of exactly `length` backticks starts, from `from` on; -1 when none. */
function backtickRun(text: string, length: number, from: number): number {
  for (let at = text.indexOf('`', from); at !== -1; ) {
    let end = at;
    while (text[end] === '`') end += 1;
    if (end - at === length) return at;
    at = text.indexOf('`', end);
  }
  return -1;
}

function newlinesIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}
