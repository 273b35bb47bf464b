/**
 * @module extract/frontMatterLinks
 * The links a talk's own page gives in its front matter (`video:`,
 * `recording:`, `slides:`, `deck:`), as one block of links, so they are
 * cited like the links of the body.
 */
import { type FrontMatter, keyLine } from '../parse/frontmatter.js';
import type { Block } from '../parse/markdown.js';

const LINK_KEYS = ['video', 'recording', 'slides', 'deck'] as const;

/** A block holding each front-matter address under a link key, labelled by its key; null when there is none. */
export function frontMatterLinks(fm: FrontMatter): Block | null {
  const links: Block['links'] = [];
  for (const key of LINK_KEYS) {
    const value = fm.data[key];
    if (typeof value !== 'string' || !/^https?:\/\//i.test(value.trim())) continue;
    const line = keyLine(fm, key);
    links.push({ href: value.trim(), text: key, before: `${key}:`, line, origin: 'bare' });
  }
  const first = links[0];
  if (first === undefined) return null;
  return {
    kind: 'paragraph',
    line: first.line,
    endLine: links[links.length - 1]?.line ?? first.line,
    level: 0,
    text: '',
    runs: [],
    links,
    listDepth: 0,
  };
}
