/**
 * @module extract/citations
 * The links of a run of blocks as citations: normalised, deduplicated,
 * labelled by the words before them ("Video Link:") and classified (video,
 * slides, repository, playlist). Empty video labels, malformed shortcodes
 * and invalid addresses are reported.
 */
import { diagnostic, type Report } from '../diagnostics.js';
import type { LinkKind } from '../graph/types.js';
import type { Block, InlineLink } from '../parse/markdown.js';
import { classifyLink, isNormalised, normaliseLink } from './links.js';

export interface CitationDraft {
  url: string;
  label: string | null;
  line: number;
  kind: LinkKind;
  host: string;
  youtubeId: string | null;
  videoStart: number | null;
}

const EMPTY_VIDEO_LABEL = /^(?:video(?:\s+link)?|recording|youtube)\s*[:：]\s*$/i;
const LABEL_PREFIX = /^[\s\-*•>|]+/;

function labelOf(link: InlineLink): string | null {
  if (link.text !== null) return link.text.slice(0, 120);
  // Only the end of a long line can label the link after it.
  let before = link.before
    .slice(-500)
    .replace(LABEL_PREFIX, '')
    .replace(/[\s:：\-–—=>(]+$/, '')
    .trim();
  if (before.length > 80) {
    const parts = before.split(/[.;!?]\s+|\s+[-–—]\s+/);
    before = (parts[parts.length - 1] ?? '').trim();
    if (before.length > 80) before = `${before.slice(0, 79)}…`;
  }
  before = before.replace(/[.,;:!?]+$/, '').trim();
  return before === '' ? null : before;
}

export function citationsOf(
  blocks: readonly Block[],
  path: string,
  outside: boolean,
  report: Report,
): CitationDraft[] {
  const seen = new Set<string>();
  const out: CitationDraft[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph' && block.links.length === 0 && EMPTY_VIDEO_LABEL.test(block.text.trim())) {
      report(diagnostic('VIDEO_LINK_EMPTY', path, block.line, `"${block.text.trim()}" has no link after it`));
    }
    for (const link of block.links) {
      if (link.malformed === true) {
        report(
          diagnostic(
            'SHORTCODE_MALFORMED',
            path,
            link.line,
            `${link.shortcode} shortcode written with single braces; read as ${link.href}`,
          ),
        );
      }
      const n = normaliseLink(link);
      if (n === null) continue;
      if (!isNormalised(n)) {
        report(diagnostic('LINK_INVALID', path, link.line, `"${n.invalid}" is not a valid URL`));
        continue;
      }
      if (seen.has(n.url)) continue;
      seen.add(n.url);
      const label = labelOf(link);
      out.push({
        url: n.url,
        label,
        line: link.line,
        kind: classifyLink(n, label, outside),
        host: n.host,
        youtubeId: n.youtube?.id ?? null,
        videoStart: n.youtube?.start ?? null,
      });
    }
  }
  return out;
}
