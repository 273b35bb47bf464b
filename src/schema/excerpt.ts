/**
 * @module schema/excerpt
 * A plain-text excerpt of a talk's notes, cut at a word.
 */

/** At most `length` characters of `text`, whitespace collapsed, cut at a word and ended with … when cut. */
export function excerptOf(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const room = flat.slice(0, Math.max(0, length - 1));
  const space = room.lastIndexOf(' ');
  // A single word longer than the room is cut where the room ends.
  const cut = space > 0 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:.–—-]+$/u, '')}…`;
}
