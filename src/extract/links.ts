/**
 * @module extract/links
 * URL normalisation and link classification. Identical URLs after
 * normalisation are one Link node, so this is the single place that decides
 * what "identical" means.
 */
import type { LinkKind } from '../graph/types.js';
import { isOtherVideo, parseYouTube, type YouTubeRef, youTubeUrl } from './videos.js';

export interface NormalisedUrl {
  url: string;
  parsed: URL;
  host: string;
  youtube: YouTubeRef | null;
}

const MAX_URL_LENGTH = 4096;
const TRAILING_CHARS = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '*', '_', '~', '>']);

/** Drops trailing punctuation ("https://x.io/a." → "https://x.io/a") scanning from the right. */
function trimTrailing(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING_CHARS.has(text[end - 1] as string)) end -= 1;
  return text.slice(0, end);
}

const TRACKING =
  /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref_src|_hsenc|_hsmi|si|feature)$/i;

/** How often `c` occurs in `text`, without splitting it. */
function occurrences(text: string, c: string): number {
  let n = 0;
  for (let at = text.indexOf(c); at !== -1; at = text.indexOf(c, at + 1)) n += 1;
  return n;
}

/**
 * Normalise an address as written in notes. Returns null for things that are
 * not web links (anchors, relative paths, mailto); throws nothing.
 * `invalid` is set for addresses that look like web links but do not parse.
 */
export function normaliseUrl(raw: string): NormalisedUrl | { invalid: string } | null {
  // Addresses longer than any browser accepts are not links (and keep the work below bounded).
  if (raw.length > MAX_URL_LENGTH)
    return /^\s*<?(https?:|www\.)/i.test(raw) ? { invalid: `${raw.slice(0, 80)}…` } : null;
  let text = raw.trim().replace(/^<|>$/g, '');
  if (text === '' || text.startsWith('#') || text.startsWith('/') || text.startsWith('.')) return null;
  if (/^www\./i.test(text)) text = `https://${text}`;
  if (!/^https?:/i.test(text)) return null;
  text = trimTrailing(text);
  // A closing bracket belongs to the URL only when it opened inside it: "(see https://x.io/a)".
  let parens = occurrences(text, '(') - occurrences(text, ')');
  let squares = occurrences(text, '[') - occurrences(text, ']');
  while (text.endsWith(')') || text.endsWith(']')) {
    const paren = text.endsWith(')');
    if ((paren ? parens : squares) >= 0) break;
    if (paren) parens += 1;
    else squares += 1;
    text = text.slice(0, -1);
    const trimmed = trimTrailing(text);
    // Punctuation trimmed between brackets ("x).)") holds no brackets, so the counts stay right.
    text = trimmed;
  }
  // An empty fragment ("x#") is no fragment; URL would keep the bare "#".
  text = text.replace(/#$/, '');
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { invalid: raw };
  }
  if (parsed.hostname === '' || !parsed.hostname.includes('.') || /\s/.test(decodeURI(parsed.hostname))) {
    return { invalid: raw };
  }
  const youtube = parseYouTube(parsed);
  if (youtube !== null) {
    const canonical = new URL(youTubeUrl(youtube));
    return { url: canonical.href, parsed: canonical, host: canonical.hostname, youtube };
  }
  // Most addresses have no query: reading `searchParams` would build one to find nothing in it.
  if (parsed.search !== '')
    for (const key of [...parsed.searchParams.keys()])
      if (TRACKING.test(key)) parsed.searchParams.delete(key);
  parsed.hostname = parsed.hostname.toLowerCase();
  return { url: parsed.href, parsed, host: parsed.hostname.replace(/^www\./, ''), youtube: null };
}

const normalisedLinks = new WeakMap<object, ReturnType<typeof normaliseUrl>>();

/**
 * `normaliseUrl` of a parsed link, computed once per link: talk layout and
 * citation reading both need it for every link of a post.
 */
export function normaliseLink(link: { href: string }): ReturnType<typeof normaliseUrl> {
  if (normalisedLinks.has(link)) return normalisedLinks.get(link) ?? null;
  const result = normaliseUrl(link.href);
  normalisedLinks.set(link, result);
  return result;
}

export function isNormalised(value: ReturnType<typeof normaliseUrl>): value is NormalisedUrl {
  return value !== null && 'url' in value;
}

const REPO_HOSTS = new Set([
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'codeberg.org',
  'sr.ht',
  'git.sr.ht',
]);
const NOT_OWNERS = new Set([
  'orgs',
  'topics',
  'features',
  'marketplace',
  'sponsors',
  'about',
  'pricing',
  'explore',
  'settings',
  'search',
  'collections',
  'trending',
  'events',
  'login',
  'join',
]);

/** `https://github.com/owner/repo` for any URL inside a repository, else null. */
export function repositoryRoot(url: URL): string | null {
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (!REPO_HOSTS.has(host)) return null;
  const [, owner, repo] = url.pathname.split('/');
  if (owner === undefined || repo === undefined || owner === '' || repo === '') return null;
  if (NOT_OWNERS.has(owner.toLowerCase())) return null;
  return `https://${host}/${owner}/${repo.replace(/\.git$/, '')}`.toLowerCase();
}

const SLIDE_HOSTS = /(^|\.)(speakerdeck\.com|slideshare\.net|slides\.com|slid\.es|prezi\.com|pitch\.com)$/;
const PODCAST_HOSTS =
  /(^|\.)(anchor\.fm|podcasts\.apple\.com|podcasts\.google\.com|overcast\.fm|pca\.st|podbean\.com|libsyn\.com|transistor\.fm|simplecast\.com|buzzsprout\.com|changelog\.com|softwareengineeringdaily\.com)$/;
const ARTICLE_HOSTS =
  /(^|\.)(medium\.com|dev\.to|hashnode\.dev|substack\.com|dzone\.com|infoq\.com|thenewstack\.io|hackernoon\.com|blogspot\.com|wordpress\.com|techcrunch\.com|zdnet\.com|arstechnica\.com|theregister\.com|wired\.com|news\.ycombinator\.com|reddit\.com|stackoverflow\.com|lwn\.net|towardsdatascience\.com|freecodecamp\.org|smashingmagazine\.com|css-tricks\.com|qiita\.com|zenn\.dev|note\.com|hatenablog\.com|hatena\.ne\.jp|heise\.de|golem\.de)$/;
const DOC_HOSTS =
  /(^|\.)(readthedocs\.io|readthedocs\.org|gitbook\.io|developer\.mozilla\.org|pkg\.go\.dev|godoc\.org|docs\.rs)$/;

const LABEL_KINDS: [RegExp, LinkKind][] = [
  [/\b(video|recording|watch|talk link|youtube)\b/i, 'VIDEO'],
  [/\b(slides?|deck|presentation)\b/i, 'SLIDES'],
  [/\bpodcast\b/i, 'PODCAST'],
  [/\b(docs?|documentation|manual|reference|guide)\b/i, 'DOCUMENTATION'],
  [/\b(github|gitlab|repo|repository|source code)\b/i, 'REPOSITORY'],
  [/\b(blog|article|post|write-?up|news|announcement|paper)\b/i, 'ARTICLE'],
];

/**
 * Classify a normalised link. `beforeFirstTalk` marks a link of the
 * conference rather than of a talk: a YouTube URL with a playlist there is the
 * conference's playlist rather than a talk's video, and a page no rule knows
 * (an event page such as `devopsdays.org/events/2019-singapore/`, a program
 * or a venue site) is the conference's WEBSITE rather than OTHER.
 */
export function classifyLink(link: NormalisedUrl, label: string | null, beforeFirstTalk: boolean): LinkKind {
  const { parsed, youtube } = link;
  if (youtube !== null) {
    if (youtube.id === null) return 'PLAYLIST';
    return youtube.list !== null && beforeFirstTalk ? 'PLAYLIST' : 'VIDEO';
  }
  if (isOtherVideo(parsed)) return 'VIDEO';
  const host = link.host;
  const path = parsed.pathname.toLowerCase();
  if (repositoryRoot(parsed) !== null) return 'REPOSITORY';
  if (SLIDE_HOSTS.test(host) || (host === 'docs.google.com' && path.startsWith('/presentation')))
    return 'SLIDES';
  if (PODCAST_HOSTS.test(host) || /podcast/.test(host) || /\/podcasts?\//.test(path)) return 'PODCAST';
  if (host === 'open.spotify.com' && /^\/(episode|show)\//.test(path)) return 'PODCAST';
  if (
    DOC_HOSTS.test(host) ||
    /^docs?\./.test(host) ||
    /^\/(docs?|documentation|reference|manual)(\/|$)/.test(path)
  ) {
    return 'DOCUMENTATION';
  }
  if (
    ARTICLE_HOSTS.test(host) ||
    /^blog\./.test(host) ||
    /\/(blog|blogs|posts?|articles?|news|t)\//.test(path)
  ) {
    return 'ARTICLE';
  }
  if (/\/\d{4}\/\d{2}\//.test(path)) return 'ARTICLE';
  if (path === '/' || path === '') return 'WEBSITE';
  for (const [pattern, kind] of LABEL_KINDS) {
    if (label !== null && pattern.test(label) && kind !== 'VIDEO' && kind !== 'REPOSITORY') return kind;
  }
  return beforeFirstTalk ? 'WEBSITE' : 'OTHER';
}
