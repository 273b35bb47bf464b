/**
 * @module indexing/talkMarkdown
 * Keeps each talk's section as written, so the API can render it
 * (`Talk.notesHtml`): the file's lines from the talk's line to its last
 * line, without the heading that carries its title. Done once at index
 * time, while the files' text is at hand.
 */
import type { GraphData } from '../graph/store.js';
import type { LoadedFile } from '../load/walk.js';

const ATX_HEADING = /^ {0,3}#{1,6}(?:\s|$)/;

export function attachTalkMarkdown(data: GraphData, files: readonly LoadedFile[]): void {
  const lines = new Map<string, string[]>();
  const byPath = new Map(files.map((file) => [file.path, file] as const));
  for (const talk of data.talks) {
    const file = byPath.get(talk.source.path);
    if (file === undefined) continue;
    let fileLines = lines.get(file.path);
    if (fileLines === undefined) {
      fileLines = file.text.split(/\r\n|\r|\n/);
      lines.set(file.path, fileLines);
    }
    const section = fileLines.slice(talk.source.line - 1, Math.max(talk.endLine, talk.source.line));
    if (section[0] !== undefined && ATX_HEADING.test(section[0])) section.shift();
    talk.markdown = section.join('\n').trim();
  }
}
