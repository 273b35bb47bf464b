/**
 * @module extract/fileTalk
 * The whole file as one talk candidate: notes filed one talk per file, with a
 * title (front matter, a lone H1, the first line or the file name) and the
 * speaker as a heading or a plain line under it ("# Title / ## Jane Doe").
 * Weighed with the same table as every other candidate.
 */
import { type Block, lineTexts } from '../parse/markdown.js';
import { eventSpan, type SeriesIndex } from './conferences.js';
import { eventFromPath } from './pathEvidence.js';
import { type NamedSpeaker, namedSpeakers } from './speakers.js';
import { cleanTitle } from './talkTitle.js';
import { NO_FEATURES, scoreTalk, type TalkScore, type TalkWeights } from './talkWeights.js';

export interface FileTalk {
  title: string;
  speakers: NamedSpeaker[];
  decision: TalkScore;
}

// Titles of reports, days and agendas: the file holds an event's notes, not one talk's.
const EVENT_TITLE =
  /\b(?:day\s*\d+|tag\s*\d+|recap|roundup|notes|summary|report|highlights|takeaways|agenda|schedule|action\s+items|todo|links)\b/i;
const GENERIC_PAGE = /^(?:index|readme|notes?|post|page|untitled|draft|todo)\b/i;
const EMPTY_SERIES: SeriesIndex = new Map();
const TALK_WORD = /\b(?:keynote|talk|workshop|session|panel)\b/i;

// Words joined by single spaces, with one at each end, so a word sequence is found only whole.
const wordsOf = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/** The title or the file name names an event, a day or a report: by its words, a known series or the event of the folders. */
function namesEvent(
  title: string,
  nameTitle: string,
  folderEvent: string | null,
  series?: SeriesIndex,
): boolean {
  // "Day 1 Keynote" is a talk: a talk word outweighs the event's.
  const says = (text: string) => !TALK_WORD.test(text) && EVENT_TITLE.test(text);
  if (TALK_WORD.test(title)) return false;
  if (says(title) || says(nameTitle) || eventSpan(title, series) !== null) return true;
  // "# Open Repositories, 2024" in `2024_06_open_repositories/`: the folders' event is the title.
  return folderEvent !== null && wordsOf(title).includes(wordsOf(folderEvent));
}

/** "day-1-keynote" → "day 1 keynote". */
export function fileNameTitle(path: string): string {
  const name = path.split('/').pop() ?? path;
  return (
    name
      .replace(/\.[^.]+$/, '')
      .replace(/[-_]+/g, ' ')
      .trim()
      // An order number or a date leading the name files the talk; it is no part of its title.
      .replace(/^(?:(?:19|20)\d{2}(?:\s\d{1,2}){1,2}|\d{1,3})\s+(?=\p{L})/u, '')
  );
}

/**
 * The title the file gives itself (its first heading or line unless that only
 * names a person, else the file name) and the speakers named in its opening
 * blocks, weighed as one talk.
 */
export function fileTalk(
  blocks: readonly Block[],
  frontMatterTitle: string | null,
  path: string,
  conference: boolean,
  series?: SeriesIndex,
  weights?: TalkWeights,
): FileTalk {
  const speakers: NamedSpeaker[] = [];
  // The first heading or line is the title unless it only names a person (then the file name is).
  let firstLine: string | null | undefined;
  let opensWithTitle = frontMatterTitle !== null;
  blocks.slice(0, 5).forEach((b, i) => {
    if (b.kind === 'code' || b.kind === 'html' || b.listDepth > 0) return;
    // Table cells share their row's line: a name in a cell is no by-line.
    if (blocks[i - 1]?.line === b.line || blocks[i + 1]?.line === b.line) return;
    const text = b.text.trim();
    if (text === '' || text.startsWith('@')) return;
    const named = namedSpeakers(lineTexts(b).map((l) => l.text));
    // A heading opening the file is its title; a plain first line may be only the speaker's name.
    const isName =
      named !== null &&
      (firstLine !== undefined ||
        (b.kind !== 'heading' && (named.length > 1 || named[0]?.affiliation === null)));
    if (firstLine === undefined) {
      firstLine = isName || text.length > 160 ? null : text;
      opensWithTitle ||= firstLine !== null && (b.kind === 'heading' || text.length <= 120);
      if (!isName) return;
    }
    if (isName && (b.kind === 'heading' || !text.includes('. '))) speakers.push(...named);
  });
  const nameTitle = fileNameTitle(path);
  // A file name of several words that names no generic page ("05_Stream_Processing_in_2019") is a title too.
  opensWithTitle ||= /\p{L}{2,}\s+\p{L}{2,}/u.test(nameTitle) && !GENERIC_PAGE.test(nameTitle);
  const raw = frontMatterTitle ?? firstLine ?? nameTitle;
  const cleaned = cleanTitle(raw);
  for (const name of cleaned.speakers) speakers.push({ name, affiliation: null });
  const title = cleaned.title;
  const folder = eventFromPath(path, null, series ?? EMPTY_SERIES);
  const decision = scoreTalk(
    {
      ...NO_FEATURES,
      speaker: speakers.length > 0,
      fileTitle: opensWithTitle,
      // Only a known series or a folder of years files talks by event; any folder over a dated file does not.
      eventFolder: folder.year !== null && (folder.evidence === 'series' || folder.evidence === 'yearFolder'),
      conference,
      titleNamesEvent: namesEvent(title, nameTitle, folder.name, series),
      prose: title.split(/\s+/).length > 20 || /[.!?]\s+\p{Lu}/u.test(title),
    },
    weights,
  );
  return { title, speakers, decision };
}
