/**
 * @module schema/notesHtml
 * A talk's notes for a web page: its markdown rendered by markdown-it (raw
 * HTML allowed in, since notes embed iframes and the like) and then cleaned
 * by sanitize-html, which keeps formatting, links and images but drops
 * scripts, styles, event handlers, iframes and every URL scheme but http,
 * https and mailto. Relative links and images are made absolute: against the
 * caller's site URL when given, else root-relative from the post's folder
 * (`posts/2019/kubecon.md` + `img/a.png` → `/posts/2019/img/a.png`).
 * sanitize-html and its parsers are a large part of the server's code: the
 * schema imports this module on the first request for `notesHtml`, not at start.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

/** Only a base of these schemes can absolutise links; anything else is refused by the caller. */
const PLACEHOLDER_ORIGIN = 'https://talkgraph.invalid';

/** `href` made absolute against the post's folder (and the site URL, when known); null when unusable. */
function absolutise(href: string, postPath: string, siteUrl: string | null): string | null {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return trimmed;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return trimmed;
  const base = new URL(siteUrl ?? `${PLACEHOLDER_ORIGIN}/`);
  const postUrl = new URL(postPath.split('/').map(encodeURIComponent).join('/'), base);
  let resolved: URL;
  try {
    resolved = new URL(trimmed, postUrl);
  } catch {
    return null;
  }
  if (siteUrl !== null) return resolved.href;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

function attributeUrl(
  attribute: 'href' | 'src',
  postPath: string,
  siteUrl: string | null,
): sanitizeHtml.Transformer {
  return (tagName, attribs) => {
    const value = attribs[attribute];
    if (value === undefined) return { tagName, attribs };
    const url = absolutise(value, postPath, siteUrl);
    const next = { ...attribs };
    if (url === null) delete next[attribute];
    else next[attribute] = url;
    if (tagName === 'a' && url !== null && !url.startsWith('#')) next.rel = 'noopener noreferrer nofollow';
    return { tagName, attribs: next };
  };
}

/** Sanitised HTML of a talk's markdown. `siteUrl` (http or https) makes relative links fully absolute. */
export function renderNotesHtml(source: string, postPath: string, siteUrl: string | null = null): string {
  const html = markdown.render(source);
  return sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'del', 's'],
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'title'],
      code: ['class'],
      th: ['style'],
      td: ['style'],
    },
    allowedStyles: {
      th: { 'text-align': [/^(left|right|center)$/] },
      td: { 'text-align': [/^(left|right|center)$/] },
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    transformTags: {
      a: attributeUrl('href', postPath, siteUrl),
      img: attributeUrl('src', postPath, siteUrl),
    },
  }).trim();
}
