/**
 * @module parse/markdown
 * Turns a markdown body into blocks with file lines, using markdown-it's
 * tokens and line maps (never regexes over raw markdown). Each block keeps
 * its plain-text runs (for name matching and evidence) and its links: markdown
 * links, autolinks, bare URLs (linkify), raw-HTML iframes and Hugo shortcodes.
 */

import type { Token } from 'markdown-it';
import MarkdownIt from 'markdown-it';
import { RawLines } from './rawLines.js';

export interface TextRun {
  text: string;
  /** 1-based file line. */
  line: number;
  /** Inside a code span. */
  code: boolean;
  /** A label naming the link after it ("Github Link:"), not prose. */
  label?: boolean;
  /** Title Case text (a heading), where capitals say nothing about names. */
  title?: boolean;
  /** The first run of its block: a paragraph, list item or heading opens here. */
  start?: boolean;
  /** For link text, the address it links to. */
  link?: string;
}

export type LinkOrigin = 'markdown' | 'autolink' | 'bare' | 'html' | 'shortcode';

export interface InlineLink {
  href: string;
  /** Link text when it differs from the address. */
  text: string | null;
  /** Text before the link on its line, such as "Video Link:". */
  before: string;
  line: number;
  origin: LinkOrigin;
  /** Shortcode name for `origin: 'shortcode'` (youtube, vimeo). */
  shortcode?: string;
  /** The shortcode was written with single braces. */
  malformed?: boolean;
}

export type BlockKind = 'heading' | 'paragraph' | 'html' | 'code';

export interface Block {
  kind: BlockKind;
  line: number;
  endLine: number;
  /** Heading level 1-6; 0 for other blocks. */
  level: number;
  /** Plain text (inline content without markup). */
  text: string;
  runs: TextRun[];
  links: InlineLink[];
  /** Nesting depth of lists around this block (0 outside lists). */
  listDepth: number;
}

export interface MarkdownDoc {
  blocks: Block[];
  /** Lines of thematic breaks (`---` between slides). */
  breaks: number[];
}

/**
 * An http(s) address that markdown-it's link normalising leaves as it is, both ways: a host of
 * plain ASCII labels (none punycode), no port or user, and after it only characters that are
 * never percent-encoded, and no `%` that could be decoded.
 */
const PLAIN_ADDRESS =
  /^https?:\/\/(?:[A-Za-z0-9-]{1,63}\.){0,8}[A-Za-z0-9-]{1,63}(?:[/?#][A-Za-z0-9\-._~!$&'()*+,;=:@/?#]*)?$/;

export function isPlainAddress(url: string): boolean {
  return url.length <= 2048 && PLAIN_ADDRESS.test(url) && !/xn--/i.test(url);
}

/**
 * markdown-it parses, re-encodes and decodes every address (each bare URL twice), which was a
 * sixth of reading a post full of links; plain addresses, most of them, skip that and stay as
 * they are, which is what those steps return for them.
 */
function plainAddressesAsTheyAre(parser: InstanceType<typeof MarkdownIt>): InstanceType<typeof MarkdownIt> {
  const { normalizeLink, normalizeLinkText } = parser;
  parser.normalizeLink = (url: string) => (isPlainAddress(url) ? url : normalizeLink.call(parser, url));
  parser.normalizeLinkText = (url: string) =>
    isPlainAddress(url) ? url : normalizeLinkText.call(parser, url);
  return parser;
}

const md = plainAddressesAsTheyAre(new MarkdownIt({ html: true, linkify: true, typographer: false }));
// Only scheme and www links: "prometheus.io" in prose is a name, not a link.
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
// For markdown found inside an HTML block: no HTML blocks there, so it is read once, not recursively.
const mdInsideHtml = plainAddressesAsTheyAre(
  new MarkdownIt({ html: true, linkify: true, typographer: false }).disable('html_block'),
);
mdInsideHtml.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });

// Hugo shortcodes: {{< youtube ID >}}, {{< youtube id="ID" >}}, {{% vimeo 123 %}}, and the
// malformed single-brace {< youtube ID >}.
const SHORTCODE =
  /(\{\{|\{)([<%])\s*(youtube|vimeo)\s+(?:(?:id|src)\s*=\s*)?["']?([A-Za-z0-9_-]{1,64})["']?[^{}]{0,200}?[>%](\}\}|\})/g;
// "Github Link:", "Website:", "Slides here:" before a link: words about the link, not prose.
const LINK_LABEL =
  /^[\s\-*•]*(?:[\p{L}\p{N}]+\s+){0,2}(?:link|links|url|repo|repository|site|website|page|slides|video|here)(?:\s+(?:to|for|of|on)\s+[^:：]{1,40})?\s*[:：]?\s*$/iu;
const HTML_URL =
  /<(?:(?:iframe|embed|video|source)\b[^<>]*?\bsrc|a\b[^<>]*?\bhref)\s*=\s*["']([^"'<>]+)["']/gi;

function shortcodeHref(name: string, id: string): string {
  return name === 'vimeo' ? `https://vimeo.com/${id}` : `https://www.youtube.com/watch?v=${id}`;
}

function shortcodeLinks(text: string, line: number, links: InlineLink[]): void {
  for (const m of text.matchAll(SHORTCODE)) {
    const [whole, open, , name, id, close] = m;
    if (name === undefined || id === undefined) continue;
    links.push({
      href: shortcodeHref(name, id),
      text: null,
      before: text.slice(0, m.index).trim(),
      line,
      origin: 'shortcode',
      shortcode: name,
      malformed: open !== '{{' || close !== '}}' || whole === undefined,
    });
  }
}

function htmlLinks(html: string, line: number, links: InlineLink[]): void {
  const lines = html.split('\n');
  lines.forEach((text, i) => {
    for (const m of text.matchAll(HTML_URL)) {
      const src = m[1];
      if (src === undefined) continue;
      links.push({
        href: src.startsWith('//') ? `https:${src}` : src,
        text: null,
        before: '',
        line: line + i,
        origin: 'html',
      });
    }
    // Bare addresses in raw HTML text (outside attributes) are still links people wrote.
    const visible = text.replace(/<[^<>]*>/g, ' ');
    for (const match of md.linkify.match(visible) ?? []) {
      links.push({ href: match.url, text: null, before: '', line: line + i, origin: 'bare' });
    }
    shortcodeLinks(text, line + i, links);
  });
}

const MAY_DECODE_TO_BRACE = /[{&%]/;

/**
 * Adds text to what a line holds. (A function of the module, not a closure made per block: the
 * bundle names every closure it makes, a cost paid at each block of each post.)
 */
function appendLine(lineTexts: Map<number, string>, line: number, text: string): void {
  lineTexts.set(line, (lineTexts.get(line) ?? '') + text);
}

function inlineBlock(kind: BlockKind, level: number, token: Token, line: number, listDepth: number): Block {
  const runs: TextRun[] = [];
  const links: InlineLink[] = [];
  const raw = new RawLines(token.content);
  let current = line;
  // Text on the current line before the next link: the label of that link.
  let lineText = '';
  let open: { href: string; origin: LinkOrigin; line: number; before: string; text: string } | null = null;
  // Shortcodes are looked for in each line's text; a block whose source has no brace can hold none,
  // unless an entity (`&#123;`) or an escaped address (`%7B`) decodes into one.
  const lineTexts = MAY_DECODE_TO_BRACE.test(token.content) ? new Map<number, string>() : null;

  for (const child of token.children ?? []) {
    switch (child.type) {
      case 'softbreak':
      case 'hardbreak':
        raw.lineBreak();
        current += 1;
        lineText = '';
        break;
      case 'text':
      case 'text_special':
        if (open !== null) open.text += child.content;
        else {
          runs.push({ text: child.content, line: current, code: false });
          lineText += child.content;
          if (lineTexts !== null) appendLine(lineTexts, current, child.content);
        }
        break;
      case 'code_inline': {
        const lines = raw.codeSpan(child.markup, child.content);
        if (open !== null) open.text += child.content;
        else if (lines === null) {
          runs.push({ text: child.content, line: current, code: true });
          lineText += child.content;
        } else {
          // A span over several lines: one code run per line, so each word is cited where it stands.
          lines.forEach((part, i) => {
            if (part.trim() !== '') runs.push({ text: part, line: current + i, code: true });
          });
        }
        if (lines !== null) {
          current += lines.length - 1;
          lineText = '';
        }
        break;
      }
      case 'link_open': {
        const last = runs[runs.length - 1];
        if (last !== undefined && last.line === current && LINK_LABEL.test(lineText)) last.label = true;
        const markup = child.markup;
        const origin: LinkOrigin =
          markup === 'linkify' ? 'bare' : markup === 'autolink' ? 'autolink' : 'markdown';
        open = {
          href: String(child.attrGet('href') ?? ''),
          origin,
          line: current,
          before: lineText,
          text: '',
        };
        break;
      }
      case 'link_close':
        if (open !== null) {
          const same = open.origin !== 'markdown' || open.text.trim() === '' || open.text === open.href;
          links.push({
            href: open.href,
            text: same ? null : open.text.trim(),
            before: open.before.trim(),
            line: open.line,
            origin: open.origin,
          });
          if (!same) {
            // Link text is prose a reader sees ("the Prometheus docs").
            runs.push({ text: open.text, line: open.line, code: false, link: open.href });
            if (lineTexts !== null) appendLine(lineTexts, current, open.text);
          }
          lineText = '';
          open = null;
        }
        break;
      case 'image':
        break;
      case 'html_inline': {
        htmlLinks(child.content, current, links);
        const newlines = raw.verbatim(child.content);
        if (newlines > 0) {
          current += newlines;
          lineText = '';
        }
        break;
      }
      default:
        break;
    }
  }
  if (lineTexts !== null) for (const [l, text] of lineTexts) shortcodeLinks(text, l, links);
  links.sort((a, b) => a.line - b.line);
  const text = runs.map((r) => r.text).join(' ');
  if (kind === 'heading' && isTitleCase(text)) for (const run of runs) run.title = true;
  if (runs[0] !== undefined) runs[0].start = true;
  // The block's own line map, when markdown-it gives one, is the surest end.
  const mapped = token.map === null ? current : line + token.map[1] - token.map[0] - 1;
  return { kind, line, endLine: Math.max(current, mapped), level, text, runs, links, listDepth };
}

/** "Harbor Deep Dive", "Generics in Go: Where We Are": most longer words capitalised. */
export function isTitleCase(text: string): boolean {
  const words = text.match(/\p{L}{4,}/gu) ?? [];
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised >= 2 && capitalised / words.length >= 0.7;
}

/** The plain text of each line of a block (prose, code spans and link texts; not addresses). */
export function lineTexts(block: Block): { line: number; text: string }[] {
  if (block.kind === 'html' || block.kind === 'code') return [{ line: block.line, text: block.text }];
  const lines: { line: number; text: string }[] = [];
  for (const run of block.runs) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.line === run.line) last.text += run.text;
    else lines.push({ line: run.line, text: run.text });
  }
  return lines;
}

export function parseMarkdown(body: string, bodyLine: number): MarkdownDoc {
  const blocks: Block[] = [];
  const breaks: number[] = [];
  collectBlocks(body, bodyLine, blocks, breaks);
  return { blocks, breaks };
}

/** HTML blocks that end at an end marker rather than a blank line (CommonMark kinds 1 to 5). */
const HTML_TO_END_MARKER = /^ {0,3}<(?:(?:script|pre|style|textarea)(?:\s|>|$)|!--|\?|![A-Za-z]|!\[CDATA\[)/i;

function collectBlocks(body: string, bodyLine: number, blocks: Block[], breaks: number[], parser = md): void {
  const tokens = parser.parse(body, {});
  let lastLine = 0;
  let listDepth = 0;
  let headingLevel = 0;

  for (const token of tokens) {
    // Table cells carry no line map: they take the line of their row.
    if (token.map !== null) lastLine = token.map[0];
    const line = lastLine + bodyLine;
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        listDepth += 1;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth -= 1;
        break;
      case 'heading_open':
        headingLevel = Number(token.tag.slice(1));
        break;
      case 'heading_close':
        headingLevel = 0;
        break;
      case 'inline':
        blocks.push(
          inlineBlock(headingLevel > 0 ? 'heading' : 'paragraph', headingLevel, token, line, listDepth),
        );
        break;
      case 'html_block': {
        // An HTML block runs to the next blank line, so markdown written right under an
        // <iframe> is swallowed by it; read such trailing lines as markdown again. A comment,
        // <script>, <pre>, <style>, <textarea>, `<?`, `<!X` or CDATA block instead runs to its end
        // marker: all of it is HTML, and its later lines are not markdown.
        const lines = token.content.replace(/\n$/, '').split('\n');
        let html = lines.length;
        const toEndMarker = HTML_TO_END_MARKER.test(lines[0] ?? '');
        // A comment opened on an HTML line holds the lines up to its close, whatever they start with.
        let inComment = false;
        for (let i = 0; i < lines.length && !toEndMarker; i++) {
          const text = lines[i] ?? '';
          if (i > 0 && !inComment && !text.trim().startsWith('<')) {
            html = i;
            break;
          }
          const open = text.lastIndexOf('<!--');
          const close = text.lastIndexOf('-->');
          if (open > close) inComment = true;
          else if (close >= 0) inComment = false;
        }
        const content = lines.slice(0, html).join('\n');
        const links: InlineLink[] = [];
        htmlLinks(content, line, links);
        const text = content
          .replace(/<[^<>]*>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim();
        blocks.push({
          kind: 'html',
          line,
          endLine: line + html - 1,
          level: 0,
          text,
          runs: [],
          links,
          listDepth,
        });
        if (html < lines.length) {
          collectBlocks(lines.slice(html).join('\n'), line + html, blocks, breaks, mdInsideHtml);
        }
        break;
      }
      case 'fence':
      case 'code_block': {
        const endLine = (token.map?.[1] ?? 1) + bodyLine - 1;
        blocks.push({
          kind: 'code',
          line,
          endLine,
          level: 0,
          text: token.content,
          runs: [],
          links: [],
          listDepth,
        });
        break;
      }
      case 'hr':
        breaks.push(line);
        break;
      default:
        break;
    }
  }
}
