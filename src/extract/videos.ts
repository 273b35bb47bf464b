/**
 * @module extract/videos
 * Recognises video URLs: YouTube in all its forms (watch, youtu.be, embed,
 * shorts, live, nocookie) with start offsets and playlists kept apart, and
 * the other hosts conference videos live on.
 */

export interface YouTubeRef {
  id: string | null;
  /** Start offset in seconds. */
  start: number | null;
  list: string | null;
}

const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'music.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);
const ID = /^[A-Za-z0-9_-]{11}$/;

/** `90`, `90s`, `1m30s`, `1h2m3s`, `01:30` → seconds. */
export function parseOffset(value: string | null): number | null {
  if (value === null || value === '') return null;
  if (/^\d+$/.test(value)) return Number(value);
  const hms = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
  if (hms !== null && (hms[1] ?? hms[2] ?? hms[3]) !== undefined) {
    return Number(hms[1] ?? 0) * 3600 + Number(hms[2] ?? 0) * 60 + Number(hms[3] ?? 0);
  }
  const clock = /^(?:(\d+):)?(\d+):(\d{2})$/.exec(value);
  if (clock !== null) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  return null;
}

export function parseYouTube(url: URL): YouTubeRef | null {
  const host = url.hostname.toLowerCase();
  let id: string | null = null;
  if (host === 'youtu.be' || host === 'www.youtu.be') {
    id = url.pathname.split('/')[1] ?? null;
  } else if (YOUTUBE_HOSTS.has(host)) {
    const [, first, second] = url.pathname.split('/');
    if (first === 'watch') id = url.searchParams.get('v');
    else if (first === 'embed' || first === 'shorts' || first === 'live' || first === 'v' || first === 'e') {
      id = second ?? null;
      if (id === 'videoseries') id = null;
    } else if (first !== 'playlist') return null;
  } else {
    return null;
  }
  if (id !== null && !ID.test(id)) id = null;
  const hashOffset = /(?:^|&)t=([^&]+)/.exec(url.hash.slice(1))?.[1] ?? null;
  const start = parseOffset(url.searchParams.get('t') ?? url.searchParams.get('start') ?? hashOffset);
  const list = url.searchParams.get('list');
  if (id === null && list === null) return null;
  return { id, start, list };
}

/** The canonical watch URL of a YouTube reference (one Link node per video, offset and playlist). */
export function youTubeUrl(ref: YouTubeRef): string {
  if (ref.id === null) return `https://www.youtube.com/playlist?list=${ref.list}`;
  let url = `https://www.youtube.com/watch?v=${ref.id}`;
  if (ref.list !== null) url += `&list=${ref.list}`;
  if (ref.start !== null && ref.start > 0) url += `&t=${ref.start}s`;
  return url;
}

const VIDEO_HOSTS: [RegExp, RegExp][] = [
  [/(^|\.)vimeo\.com$/, /^\/(video\/)?\d+/],
  [/(^|\.)engineers\.sg$/, /^\/(v|video)\//],
  [/(^|\.)twitch\.tv$/, /^\/videos\//],
  [/(^|\.)dailymotion\.com$/, /^\/video\//],
  [/(^|\.)infoq\.com$/, /^\/presentations\//],
  [/(^|\.)media\.ccc\.de$/, /^\/v\//],
  [/(^|\.)wistia\.com$/, /^\/medias\//],
  [/(^|\.)loom\.com$/, /^\/share\//],
  [/(^|\.)bilibili\.com$/, /^\/video\//],
];

/** True for a video page on a host other than YouTube. */
export function isOtherVideo(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return VIDEO_HOSTS.some(([h, p]) => h.test(host) && p.test(url.pathname));
}
