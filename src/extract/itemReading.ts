/**
 * @module extract/itemReading
 * Reads the title and speakers out of one talk candidate's markdown, in the
 * shapes people write: a list item or bold paragraph (`**Jane Doe** - _Title_`,
 * `[Title](video) by Jane Doe`, `Jane Doe: Title`, `https://… - Title (Jane
 * Doe)`) and a paragraph of prose that names a talk. Scoring the candidate
 * is extract/itemTalks' job.
 */
import { proseSpeakers } from './proseSpeakers.js';
import { isGivenName, isPersonName, parseTalkHeading, splitSpeakers } from './speakers.js';
import { plainTitle } from './talkTitle.js';

/** Plain text of a markdown fragment: link texts, no emphasis, no HTML. */
export function plain(markdown: string): string {
  // Each pattern needs a character that most items lack: it runs only where that character is.
  let text = markdown;
  const html = text.includes('<');
  if (html || text.includes('~')) text = text.replace(/<strike>.*?<\/strike>|<s>.*?<\/s>|~~.*?~~/gi, ' ');
  if (html) text = text.replace(/<[^<>]*>/g, ' ');
  if (text.includes('](')) text = text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  return plainTitle(text);
}

/** Names in "A and B", "A (y B)", "[_A_](twitter)": parenthesised joiners count as joiners. */
function names(text: string): string[] {
  const joined = plain(text.replace(/\(\s*(?:and|&|y|und|et)\s+([^)]+)\)/gi, ', $1'));
  // "_by Jane Doe_": emphasis around the by-line is no part of the name.
  return splitSpeakers(joined.replace(/(?:^|(?<=\s))[_*]+|[_*]+(?=\s|$|[,;])/g, ' ').trim(), true);
}

/**
 * "Jane Doe: Title", "A & B: Title", "Jane Doe — Title": the speakers first, as notes taken in the room
 * list a conference's talks. Every part before the colon or dash must be a person's name, and the rest
 * must not be one (that is "Title — Speaker").
 */
function speakersFirst(text: string): { title: string; speakers: string[] } | null {
  // The pattern needs a colon or a spaced dash: most items hold neither.
  if (!text.includes(':') && !/\s[–—-]\s/.test(text)) return null;
  const m = /^([^:–—]{4,100}?)\s*(?::|\s[–—-]\s)\s*(\S.*)$/u.exec(text);
  if (m?.[1] === undefined || m[2] === undefined) return null;
  const parts = m[1].split(/\s*(?:,|&|\band\b|\bund\b)\s*/).filter((p) => p !== '');
  // The weakest shape of all: each name must open with a given name, not a word ("Growth Hacking: …", "Go GC: …").
  if (parts.length === 0 || !parts.every((p) => isGivenName(p.split(/\s+/)[0] ?? '') && isPersonName(p)))
    return null;
  const title = m[2].trim();
  if (isPersonName(title.replace(/\s*\(.*$/, ''))) return null;
  return { title, speakers: parts };
}

/** Title and speakers of an item's markdown, from the shapes people write; `nameFirst` reads "Jane Doe: Title". */
export function readItem(
  markdown: string,
  nameFirst = false,
): { title: string; speakers: string[]; quoted: boolean } {
  // **Jane Doe** - _Title_: links   or   **Title** by A and B
  const bold = /^(?:\*\*|__)(.+?)(?:\*\*|__)\s*(.*)$/.exec(markdown);
  if (bold?.[1] !== undefined && bold[2] !== undefined) {
    const head = bold[1];
    const rest = bold[2].replace(/^[\s:–—-]+/, '');
    const headNames = names(head);
    if (headNames.length > 0 && isPersonName(plain(head).replace(/\s*\(.*$/, ''))) {
      const emphasised = /^[_*]([^_*]+)[_*]/.exec(rest)?.[1];
      const title = emphasised ?? plain(rest).split(/\s*:\s/)[0] ?? '';
      return { title, speakers: headNames, quoted: false };
    }
    const by = /^(?:_?(?:by|von|por|par)_?)\s+(.+)$/i.exec(rest);
    return { title: head, speakers: by?.[1] === undefined ? [] : names(by[1]), quoted: false };
  }
  // [Title](url) _by_ [_Speaker_](url) - description
  const link = /^\[([^\]]+)\]\([^)]*\)\s*(.*)$/.exec(markdown);
  if (link?.[1] !== undefined && link[2] !== undefined) {
    const by = /^[_*]?(?:by|von|por|par)[_*]?\s+(.+?)(?:\s+[-–—]\s+.*)?$/i.exec(link[2]);
    if (by?.[1] !== undefined) return { title: link[1], speakers: names(by[1]), quoted: false };
    // [Title | Jane Doe](video), [Title by Jane Doe](video): the link text carries the speaker.
    const inText = /^(.+?)\s+(?:\||by|[–—])\s+([^|]+)$/u.exec(link[1]);
    const who = inText?.[2] === undefined ? [] : names(inText[2]);
    if (
      inText?.[1] !== undefined &&
      who.length > 0 &&
      isPersonName(plain(inText[2] ?? '').split(/\s*(?:,|&|\band\b)\s*/)[0] ?? '')
    )
      return { title: inText[1], speakers: who, quoted: false };
    return { title: link[1], speakers: [], quoted: false };
  }
  // https://youtu.be/x - Title (Jane Doe)   or   Title - https://youtu.be/x: a bare link beside the title.
  const urlFirst = /^<?https?:\/\/\S+?>?\s+[-–—:]\s+(.+)$/u.exec(markdown);
  const urlLast = /^(.+?)\s+[-–—:]\s+<?https?:\/\/\S+?>?$/u.exec(markdown);
  const beside = urlFirst?.[1] ?? urlLast?.[1];
  if (beside !== undefined) {
    const parsed = parseTalkHeading(plain(beside));
    return { title: parsed.title, speakers: parsed.speakers, quoted: false };
  }
  // Jane Doe's opening talk ["Title"](video): the owner is the speaker, the link text the title.
  const owned = /^([^[\]'’]{3,48})['’]s\s+(?:[^[\]]{0,40}\s)?\[([^\]]+)\]\([^)]*\)/u.exec(markdown);
  if (owned?.[1] !== undefined && owned[2] !== undefined && isPersonName(plain(owned[1]))) {
    const quotedTitle = /^["“].*["”]$/.test(owned[2].trim());
    return {
      title: plain(owned[2]).replace(/^["“]|["”]$/g, ''),
      speakers: [plain(owned[1])],
      quoted: quotedTitle,
    };
  }
  // "Title" speaker Jane Doe …
  const quoted = /^["“]([^"”]{3,200})["”]\s*(.*)$/.exec(markdown);
  if (quoted?.[1] !== undefined) {
    const rest = quoted[2] ?? '';
    const by = /\b(?:by|speaker|von|por)\s+((?:\p{Lu}[\p{L}'’-]+\s?){2,4})/u.exec(rest);
    if (by?.[1] !== undefined) return { title: quoted[1], speakers: names(by[1]), quoted: true };
    // "Phoenix Unplugged" Divya Sasidharan had nice slides: a person's name right after the quoted title.
    const lead = /^[,:–—-]?\s*(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2})/u.exec(rest)?.[1];
    const words = lead?.split(/\s+/) ?? [];
    const name = [words.join(' '), words.slice(0, 2).join(' ')].find((n) => isPersonName(n));
    return { title: quoted[1], speakers: name === undefined ? [] : [name], quoted: true };
  }
  // Title — Speaker ([video](…)) ([slides](…)): the text before the first bracketed link.
  const cut = markdown.search(/\s*\(\s*\[|\s*\[[^\]]*\]\(|:\s+\[/);
  const text = plain(cut === -1 ? markdown : markdown.slice(0, cut));
  if (nameFirst) {
    const lead = speakersFirst(text);
    if (lead !== null) return { ...lead, quoted: false };
  }
  const parsed = parseTalkHeading(text);
  return { title: parsed.title, speakers: parsed.speakers, quoted: false };
}

// A talk cited in prose: a person's possessive or the word "talk" before a link whose text is the quoted title.
const PROSE_TALK =
  /(?:(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})['’]s|\btalks?)\s+(?:[\p{Ll}\s-]{0,40}\s)?\[["“]([^\]"”]{3,200})["”]\]\([^)]*\)/u;

// "Jonas Becker presented **Building a Toy Database**": a person presenting a bold title.
const PRESENTED_BOLD =
  /(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})\s+(?:presented|gave|showed|demoed)\s+(?:(?:a|his|her|their)\s+talk\s+(?:on|about|called)\s+)?(?:\*\*|__)([^*_]{3,200})(?:\*\*|__)/u;
// "… Anna Schmidt showed … Her talk, "Profiling Go Services", is on YouTube": the talk of the person before it.
const OWN_TALK =
  /\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:talk|session|presentation|keynote),?\s+["“]([^"”]{3,200})["”]/u;

/** Title and speaker of a talk cited in a paragraph of prose. */
export function readProse(markdown: string): { title: string; speakers: string[]; quoted: boolean } {
  const bold = PRESENTED_BOLD.exec(markdown);
  if (bold?.[1] !== undefined && bold[2] !== undefined)
    return { title: plain(bold[2]), speakers: isPersonName(bold[1]) ? [bold[1]] : [], quoted: false };
  const own = OWN_TALK.exec(markdown);
  if (own?.[1] !== undefined)
    return {
      title: plain(own[1]),
      speakers: proseSpeakers(plain(markdown.slice(0, own.index))).slice(0, 1),
      quoted: true,
    };
  const m = PROSE_TALK.exec(markdown);
  const owner = m?.[1] === undefined ? '' : plain(m[1]);
  return { title: plain(m?.[2] ?? ''), speakers: isPersonName(owner) ? [owner] : [], quoted: true };
}

/** Prose that names a talk: a person's possessive and a linked title with its video, a person who presented a
 * bold title, or "Her talk, "Title"" after the person it speaks of. */
export function isProseTalk(markdown: string, video: boolean): boolean {
  if (video && PROSE_TALK.test(markdown)) return true;
  // Two cheap looks keep the patterns off the many paragraphs that hold neither shape.
  const bold = /\*\*|__/.test(markdown) ? PRESENTED_BOLD.exec(markdown) : null;
  if (bold?.[1] !== undefined && isPersonName(bold[1])) return true;
  const own = /["“]/.test(markdown) ? OWN_TALK.exec(markdown) : null;
  return own !== null && proseSpeakers(plain(markdown.slice(0, own.index))).length > 0;
}
