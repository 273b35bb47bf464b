/**
 * @module extract/speakers
 * Reads talk titles and speaker lines: "Keynote: Title - Speaker Name",
 * "Title by Speaker", "Title (Speaker, Company)", "Speaker: X" bullets.
 * A name is taken only when it looks like a person's name, so
 * "Kubernetes Project Update - Google" keeps its whole title.
 */

const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'le',
  'la',
  'bin',
  'al',
  'del',
  'dos',
  'ter',
]);
const NOT_NAMES = new Set([
  'part',
  'day',
  'the',
  'and',
  'with',
  'for',
  'from',
  'how',
  'why',
  'what',
  'intro',
  'introduction',
  'keynote',
  'panel',
  'workshop',
  'demo',
  'update',
  'q&a',
  'google',
  'cloud',
  'native',
  'kubernetes',
  'docker',
  'microsoft',
  'amazon',
  'red',
  'hat',
  'open',
  'source',
  'deep',
  'dive',
  'edition',
  'session',
  'talk',
  'track',
  'room',
  'hall',
  'stage',
]);

/** True for 2-4 capitalised words that read as a person's name ("Jane Doe", "Ludwig van Beethoven"). */
export function isPersonName(text: string): boolean {
  const name = text.trim();
  if (name.length < 4 || name.length > 48 || /[\d@#/:|()[\]{}]/.test(name)) return false;
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  let capitalised = 0;
  for (const word of words) {
    if (NOT_NAMES.has(word.toLowerCase())) return false;
    if (PARTICLES.has(word)) continue;
    if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(word)) return false;
    if (/^\p{Lu}{2,}$/u.test(word) && word.length > 3) return false;
    capitalised += 1;
  }
  return capitalised >= 2;
}

/** "A, B and C" / "A & B" → names that look like people; company suffixes are dropped. */
export function splitSpeakers(text: string): string[] {
  const cleaned = text
    .replace(/\([^)]*\)/g, ',')
    .replace(/\[[^\]]*\]/g, ',')
    .replace(/\s+(?:and|&|\+)\s+/gi, ',')
    .replace(/\s+[@|]\s+.*$/, '');
  const names: string[] = [];
  for (const part of cleaned.split(/[,;/]/)) {
    const candidate = part.trim().replace(/[.:]+$/, '');
    if (isPersonName(candidate)) names.push(candidate);
  }
  return names;
}

const PREFIX =
  /^(?:(?:opening|closing|morning|day\s*\d+)\s+)?(?:keynote|talk|session|lightning\s+talk|workshop|panel(?:\s+discussion)?|tutorial|presentation|fireside\s+chat)\s*(?:\d+\s*)?[:–—-]\s+/i;
const NUMBERING = /^(?:\d+[.)]|#\d+|talk\s+\d+[.:]|[-*•])\s+/i;

export interface ParsedTitle {
  title: string;
  speakers: string[];
}

/** Splits a talk heading into its title and, where the pattern is clear, its speakers. */
export function parseTalkHeading(heading: string): ParsedTitle {
  let text = heading
    .replace(/\s+/g, ' ')
    .replace(/^(?:\p{Extended_Pictographic}|\uFE0F|\s)+/u, '')
    .trim();
  text = text.replace(NUMBERING, '').replace(PREFIX, '').trim();

  // "Title (Jane Doe, Acme)" or "Title [Jane Doe]"
  const paren = /^(.*\S)\s*[([]([^()[\]]+)[)\]]$/.exec(text);
  if (paren?.[1] !== undefined && paren[2] !== undefined) {
    const speakers = splitSpeakers(paren[2].split(/,\s*/)[0] ?? '');
    const all = splitSpeakers(paren[2]);
    if (speakers.length > 0) return { title: paren[1].trim(), speakers: all.length > 0 ? all : speakers };
  }
  // "Title - Jane Doe" / "Title | Jane Doe" / "Jane Doe - Title"
  const dash = /^(.+?)\s+[-–—|]\s+(.+)$/.exec(text);
  if (dash?.[1] !== undefined && dash[2] !== undefined) {
    const right = splitSpeakers(dash[2]);
    if (
      right.length > 0 &&
      right.join('').length >= dash[2].replace(/\([^)]*\)|[\s,&]|and/g, '').length * 0.6
    ) {
      return { title: dash[1].trim(), speakers: right };
    }
    const left = splitSpeakers(dash[1]);
    if (
      left.length > 0 &&
      isPersonName(dash[1].split(/\s*(?:,|&| and )\s*/)[0] ?? '') &&
      /\s\p{Ll}/u.test(dash[2])
    ) {
      return { title: dash[2].trim(), speakers: left };
    }
  }
  // "Title by Jane Doe"
  const by = /^(.+?)\s+by\s+(.+)$/i.exec(text);
  if (by?.[1] !== undefined && by[2] !== undefined) {
    const speakers = splitSpeakers(by[2]);
    if (speakers.length > 0) return { title: by[1].trim(), speakers };
  }
  return { title: text, speakers: [] };
}

const SPEAKER_LINE =
  /^(?:speakers?|presenters?|presented\s+by|speaker\(s\)|panelists?|hosts?)\s*[:：–-]\s*(.+)$/i;
const BY_LINE = /^by\s+(.+)$/i;

/** Speakers named by a line such as "Speaker: Jane Doe (Acme)" or "Presented by A and B". */
export function speakersFromLine(text: string): string[] | null {
  const trimmed = text.trim();
  const m = SPEAKER_LINE.exec(trimmed) ?? BY_LINE.exec(trimmed);
  if (m?.[1] === undefined) return null;
  const names = splitSpeakers(m[1]);
  return names.length > 0 ? names : null;
}
