/**
 * @module indexing/talkMarkdown
 * Keeps each talk's section as written, so the API can render it
 * (`Talk.notesHtml`): the file's lines from the talk's line to its last
 * line, without the heading that carries its title. Done at index time,
 * while the file's text is at hand.
 *
 * A section is cut out of the file's text rather than rebuilt from its
 * lines: the engine then keeps it as a view into the text, which the graph
 * holds anyway (evidence quotes its lines), instead of a second copy of
 * every post. Text with `\r` line ends is rebuilt line by line, so every
 * section reads with `\n` alone either way.
 */

const ATX_HEADING = /^ {0,3}#{1,6}(?:\s|$)/;

export interface TalkSections {
  /** The markdown of the section from `line` to `endLine` (1-based, inclusive), heading left out. */
  section(line: number, endLine: number): string;
}

export function talkSections(text: string): TalkSections {
  if (text.includes('\r')) {
    const lines = text.split(/\r\n|\r|\n/);
    return {
      section(line, endLine) {
        const section = lines.slice(line - 1, Math.max(endLine, line));
        if (section[0] !== undefined && ATX_HEADING.test(section[0])) section.shift();
        return section.join('\n').trim();
      },
    };
  }
  // Offset of each line's first character; one past the end closes the last line.
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  starts.push(text.length + 1);
  const lineCount = starts.length - 1;
  const startOf = (line: number) => starts[Math.min(Math.max(line, 1), lineCount + 1) - 1] as number;
  return {
    section(line, endLine) {
      let from = startOf(line);
      const to = Math.max(from, startOf(Math.max(endLine, line) + 1) - 1);
      if (line >= 1 && line <= lineCount) {
        const first = text.slice(from, Math.max(from, startOf(line + 1) - 1));
        if (ATX_HEADING.test(first)) from = Math.min(to, startOf(line + 1));
      }
      return text.slice(from, to).trim();
    },
  };
}
