/**
 * @module extract/itemTalks
 * Talk candidates that are not headings: top-level list items
 * (`Title — Speaker ([video](…))`, `[Title](vimeo) by [Speaker](…)`,
 * `**Speaker** - _Title_: [video](…)`), bold-title paragraphs
 * (`**Title** by A and B`) and table rows under title and speaker columns.
 * Each candidate gets its title, speakers and features; the decision is the
 * weights table's (talkWeights.ts); reading a candidate's title and speakers is
 * extract/itemReading's. The shape of an item is read from its
 * source line (markers, emphasis), its links from the parsed block.
 */
import { type Block, lineTexts } from '../parse/markdown.js';
import { isProseTalk, plain, readItem, readProse } from './itemReading.js';
import { isNormalised, normaliseLink } from './links.js';
import { isPersonName } from './speakers.js';
import { cleanTitle, type TalkKind } from './talkTitle.js';
import { scoreTalk, type TalkFeatures, type TalkScore, type TalkWeights } from './talkWeights.js';
import { isOtherVideo } from './videos.js';

export type ItemShape = 'list item' | 'bold paragraph' | 'table row' | 'prose paragraph';

export interface ItemCandidate {
  shape: ItemShape;
  line: number;
  endLine: number;
  title: string;
  kind: TalkKind;
  speakers: string[];
  /** The candidate's blocks: its own paragraph (or cells) and what is nested under it. */
  blocks: Block[];
  features: TalkFeatures;
  decision: TalkScore;
}

const LIST_MARKER = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/;
export const TALK_PARENT =
  /\b(?:talks?|keynotes?|sessions?|presentations?|lightning|day\s*\d|track|schedule|program(?:me)?|agenda|videos?|recordings?|charlas|ponencias|vortr[äa]ge|sprecher|conférences|exposés|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\d{1,2}\.?\s+(?:de\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic|mär|mai|okt|dez|janv|févr|avr|mai|juin|juil|août|sept|déc)\p{L}*|(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag))\b/iu;
const NON_TALK_PARENT =
  /\b(?:references?|links?|resources?|books?|bücher|reading|further|see\s+also|tools?|libraries|sponsors?|jobs?|contributors?|credits|acknowledg|todo|to-?do|action\s+items?|follow[-\s]?ups?|otros|others?|sonstiges)\b/iu;
// Event parts that are no talks, and field labels ("Video:", "Speaker:") that name a talk's facts.
const NON_TALK_WORDS =
  /^(?:(?:speakers?|presenters?|(?:videos?|slides?|recording)(?:\s+links?)?|links?|repo|twitter|website|notes?|date|time|when|where|room|abstract|description)\s*:|(?:books?|articles?|papers?|blog\s+posts?)\b|lunch|break|coffee|breakfast|dinner|registration|party|welcome|opening|closing|networking|social|q\s*&\s*a|summary|sponsors?|happy\s+hour|check[-\s]?in)\b/i;
const SLIDES = /^(?:slides?|deck|folien|diapositivas|présentation|pdf)\b/i;
const TITLE_COLUMN = /^(?:title|titel|talk|vortrag|thema|topic|session|charla|título|titre|sujet|name)$/i;
const SPEAKER_COLUMN =
  /^(?:speakers?|presenters?|vortragende[rn]?|referent(?:in|en)?|sprecher(?:in)?|ponentes?|orateurs?|by|who)$/i;
const VIDEO_COLUMN = /\b(?:video|recording|aufzeichnung|youtube)\b/i;

export function hasVideo(blocks: readonly Block[]): boolean {
  return blocks.some((b) =>
    b.links.some((l) => {
      const n = normaliseLink(l);
      return isNormalised(n) && (n.youtube?.id != null || isOtherVideo(n.parsed));
    }),
  );
}

function hasSlides(blocks: readonly Block[]): boolean {
  // "[slides](…)", or a bare address after a "slides …:" label.
  return blocks.some((b) =>
    b.links.some((l) => l.href !== '' && (SLIDES.test(l.text ?? '') || SLIDES_LABEL.test(l.before))),
  );
}

const SLIDES_LABEL = /^\s*(?:[-*+]\s+)?(?:slides?|deck|folien|diapositivas)\b[^:]{0,200}:\s*$/i;
// "the talk was Title (Jane Doe)", "session called Title (Jane Doe)": a talk cited in passing.
const TALK_REFERENCE =
  /\b(?:talk|session|presentation|keynote|workshop)\s+(?:was|is|called|titled|named)\s+["“]?([^"”()]{3,120}?)["”]?\s*\(([^()]{3,60})\)/i;
// `"Title" talk analyzing …`: the quoted title is called a talk.
const QUOTED_TALK = /^["“][^"”]{3,200}["”]\s*(?:talk|session|keynote|presentation|workshop|lightning)\b/i;

/** A talk the item's lines cite by title, with its speaker when the brackets name a person. */
function talkReference(blocks: readonly Block[]): { title: string; speakers: string[] } | null {
  for (const b of blocks) {
    // Most lines name no talk in brackets: skip the pattern for them (this runs for every list item).
    if (!b.text.includes('(')) continue;
    const m = TALK_REFERENCE.exec(b.text);
    if (m?.[1] === undefined || m[2] === undefined) continue;
    return { title: m[1].trim(), speakers: isPersonName(m[2].trim()) ? [m[2].trim()] : [] };
  }
  return null;
}

/** Markdown of an item without its marker, its lines joined. */
function itemMarkdown(lineOf: (n: number) => string, block: Block): string {
  const lines: string[] = [];
  for (let n = block.line; n <= block.endLine; n++) lines.push(lineOf(n).trim());
  return lines.join(' ').replace(LIST_MARKER, '').trim();
}

const WORD_GAPS = /\s+/g;

/** More than `limit` words (as `split(/\s+/)` counts them), without making the words. */
function moreWordsThan(text: string, limit: number): boolean {
  WORD_GAPS.lastIndex = 0;
  let words = 1;
  while (WORD_GAPS.test(text)) {
    words += 1;
    if (words > limit) return true;
  }
  return false;
}

function isProse(title: string): boolean {
  return (
    title === '' ||
    // A title holding an address is a labelled link ("Follow-up talk: https://…"), not a title.
    /https?:\/\/|^www\./i.test(title) ||
    moreWordsThan(title, 30) ||
    // A sentence ends before a capital; an abbreviation ("Quarkus vs. Micronaut", "Dr. Lange") does not.
    ((title.includes('.') || title.includes('!')) &&
      /(?<!\b(?:vs|Dr|Mr|Mrs|Ms|St|Jr|Sr|Prof|e\.g|i\.e|etc))[.!]\s+\p{Lu}/u.test(title)) ||
    title.endsWith('.')
  );
}

interface Draft {
  shape: ItemShape;
  block: Block;
  blocks: Block[];
  markdown: string;
  parent: string;
  group: number;
  table?: { title: string; speakers: string[]; columns: boolean };
}

/** Table rows: cells share their row's line; the header row names the columns. */
function tableRows(
  blocks: readonly Block[],
  lineOf: (n: number) => string,
  index: number,
  out: Draft[],
  parent: string,
  group: number,
): number {
  const rows: Block[][] = [];
  let i = index;
  while (i < blocks.length) {
    const b = blocks[i] as Block;
    if (b.kind !== 'paragraph' || !lineOf(b.line).trim().startsWith('|')) break;
    const row = rows[rows.length - 1];
    if (row !== undefined && (row[0] as Block).line === b.line) row.push(b);
    else rows.push([b]);
    i += 1;
  }
  const header = rows[0]?.map((c) => plain(c.text)) ?? [];
  const titleCol = header.findIndex((h) => TITLE_COLUMN.test(h));
  // "Speaker(s)", "Presenter(s)": a plural written in brackets is the same column.
  const speakerCol = header.findIndex((h) => SPEAKER_COLUMN.test(h.replace(/\s*\(s\)$/i, '')));
  const videoCol = header.findIndex((h) => VIDEO_COLUMN.test(h));
  if (titleCol >= 0) {
    for (const row of rows.slice(1)) {
      const first = row[0] as Block;
      const title = plain(row[titleCol]?.text ?? '');
      const who = plain(row[speakerCol]?.text ?? '');
      // A speaker column names people, first names included.
      const speakers =
        speakerCol < 0
          ? []
          : who
              // "Lena Hoffmann (Chainguard)": the brackets give the company, not a name.
              .replace(/\s*\([^()]*\)/g, '')
              .split(/\s*(?:,|;|\s+and\s+|\s+und\s+|&)\s*/)
              .filter((w) => /^\p{Lu}/u.test(w));
      out.push({
        shape: 'table row',
        block: first,
        blocks: row,
        markdown: '',
        parent,
        group,
        table: { title, speakers, columns: speakerCol >= 0 || videoCol >= 0 },
      });
    }
  }
  return i;
}

// Openings of an item's shape: `**Name** - …`, `**Title** by …`, `[Title](…) by …`.
const ITEM_SHAPES = [
  /^(\*\*|__)[^*_]+\1\s*(?:[-–—:]|_?(?:by|von|por|par)\b)/i,
  /^\[[^\]]+\]\([^)]*\)\s*[_*]?(?:by|von|por|par)\b/i,
];

/** A block cut to the lines `from`..`to`, with their text, runs and links. */
function sliceBlock(b: Block, from: number, to: number): Block {
  const runs = b.runs.filter((r) => r.line >= from && r.line <= to);
  const cut = {
    ...b,
    line: from,
    endLine: to,
    runs,
    links: b.links.filter((l) => l.line >= from && l.line <= to),
  };
  return {
    ...cut,
    text: lineTexts(cut)
      .map((l) => l.text.trim())
      .join(' '),
  };
}

/**
 * A list item's lazy continuation lines that open in the item's own shape
 * (an indented ` **Jane Doe** - _Title_` under `* **John Roe** - _Title_`)
 * are items of their own: the author lost a list marker, not a talk.
 */
function lazyItems(block: Block, lineOf: (n: number) => string): Block[] {
  if (block.endLine === block.line) return [block];
  const shape = ITEM_SHAPES.find((re) => re.test(lineOf(block.line).replace(LIST_MARKER, '')));
  if (shape === undefined) return [block];
  const starts = [block.line];
  for (let n = block.line + 1; n <= block.endLine; n++) if (shape.test(lineOf(n).trim())) starts.push(n);
  if (starts.length === 1) return [block];
  return starts.map((from, i) => sliceBlock(block, from, (starts[i + 1] ?? block.endLine + 1) - 1));
}

/** Every list item, bold paragraph and table row of a post, scored. */
export function itemCandidates(
  blocks: readonly Block[],
  lineOf: (n: number) => string,
  conference: boolean,
  weights?: TalkWeights,
): ItemCandidate[] {
  const drafts: Draft[] = [];
  let parent = '';
  let group = 0;
  let current: Draft | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (b.kind === 'heading') {
      parent = b.text;
      group += 1;
      current = null;
      continue;
    }
    const raw = lineOf(b.line);
    if (b.kind === 'paragraph' && b.listDepth === 0 && raw.trim().startsWith('|')) {
      group += 1;
      i = tableRows(blocks, lineOf, i, drafts, parent, group) - 1;
      group += 1;
      current = null;
      continue;
    }
    const itemStart = b.kind === 'paragraph' && b.listDepth === 1 && LIST_MARKER.test(raw);
    const boldStart = b.kind === 'paragraph' && b.listDepth === 0 && /^\s*(?:\*\*|__)[^*_]/.test(raw);
    if (itemStart || boldStart) {
      if (boldStart && current?.shape !== 'bold paragraph') group += 1;
      for (const piece of itemStart ? lazyItems(b, lineOf) : [b]) {
        current = {
          shape: itemStart ? 'list item' : 'bold paragraph',
          block: piece,
          blocks: [piece],
          markdown: itemMarkdown(lineOf, piece),
          parent,
          group,
        };
        drafts.push(current);
      }
      continue;
    }
    if (current !== null && current.shape === 'list item' && b.listDepth >= 1) {
      current.blocks.push(b);
      continue;
    }
    if (b.listDepth === 0) {
      // Prose between items ends the list: items after it are another group.
      const open = current as Draft | null;
      if (open?.shape === 'list item') group += 1;
      current = open?.shape === 'bold paragraph' ? open : null;
      current?.blocks.push(b);
      // Prose that cites a talk by its video: "… was Jane Doe's ["Title"](video) …".
      if (current === null && b.kind === 'paragraph') {
        const markdown = itemMarkdown(lineOf, b);
        if (isProseTalk(markdown, hasVideo([b]))) {
          group += 1;
          drafts.push({ shape: 'prose paragraph', block: b, blocks: [b], markdown, parent, group });
          group += 1;
        }
      }
    }
  }

  const references = drafts.map((d) => (d.table === undefined ? talkReference(d.blocks) : null));
  const read = drafts.map((d, i) => {
    if (d.table !== undefined) return { title: d.table.title, speakers: d.table.speakers, quoted: false };
    // "Jane Doe: Title" lists talks only in a conference's notes; elsewhere it is an agenda or a to-do.
    const item = d.shape === 'prose paragraph' ? readProse(d.markdown) : readItem(d.markdown, conference);
    const ref = references[i];
    // The title a reference gives outranks the item's opening words; its speaker joins the item's.
    return ref == null ? item : { ...item, title: ref.title, speakers: [...item.speakers, ...ref.speakers] };
  });
  const videos = drafts.map((d) => hasVideo(d.blocks));
  const evidence = videos.map((video, i) => video || (read[i]?.speakers.length ?? 0) > 0);
  const groups = new Map<number, { n: number; evidenced: number }>();
  drafts.forEach((d, i) => {
    const g = groups.get(d.group) ?? { n: 0, evidenced: 0 };
    g.n += 1;
    if (evidence[i]) g.evidenced += 1;
    groups.set(d.group, g);
  });

  // Items share their parent heading: its words are weighed once for all of them.
  const parents = new Map<string, { talk: boolean; nonTalk: boolean }>();
  const parentOf = (text: string) => {
    let kind = parents.get(text);
    if (kind === undefined) {
      kind = { talk: TALK_PARENT.test(text), nonTalk: NON_TALK_PARENT.test(text) };
      parents.set(text, kind);
    }
    return kind;
  };

  return drafts.map((d, i) => {
    const r = read[i] as { title: string; speakers: string[]; quoted: boolean };
    const cleaned = cleanTitle(r.title);
    const g = groups.get(d.group) ?? { n: 1, evidenced: 0 };
    const others = g.n - 1;
    const features: TalkFeatures = {
      video: videos[i] === true,
      slides: hasSlides(d.blocks),
      speaker: r.speakers.length > 0 || cleaned.speakers.length > 0,
      siblings: others === 0 ? 0 : (g.evidenced - (evidence[i] ? 1 : 0)) / others,
      talkParent: parentOf(d.parent).talk,
      nonTalkParent: parentOf(d.parent).nonTalk,
      nonTalkWords: NON_TALK_WORDS.test(cleaned.title),
      prose: isProse(cleaned.title),
      tableColumns: d.table?.columns === true,
      conference,
      timeRange: false,
      shortTopic: false,
      titleNamesEvent: false,
      fileTitle: false,
      quoted: r.quoted,
      talkWord: references[i] != null || QUOTED_TALK.test(d.markdown),
      eventFolder: false,
    };
    const last = d.blocks[d.blocks.length - 1] as Block;
    return {
      shape: d.shape,
      line: d.block.line,
      endLine: last.endLine,
      title: cleaned.title,
      kind: cleaned.kind,
      speakers: [...new Set([...r.speakers, ...cleaned.speakers])],
      blocks: d.blocks,
      features,
      decision: scoreTalk(features, weights),
    };
  });
}
