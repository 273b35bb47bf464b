/**
 * @module extract/itemTalks
 * Talk candidates that are not headings: top-level list items
 * (`Title — Speaker ([video](…))`, `[Title](vimeo) by [Speaker](…)`,
 * `**Speaker** - _Title_: [video](…)`), bold-title paragraphs
 * (`**Title** by A and B`) and table rows under title and speaker columns.
 * Each candidate gets its title, speakers and features; the decision is the
 * weights table's (talkWeights.ts). The shape of an item is read from its
 * source line (markers, emphasis), its links from the parsed block.
 */
import { type Block, lineTexts } from '../parse/markdown.js';
import { isNormalised, normaliseLink } from './links.js';
import { proseSpeakers } from './proseSpeakers.js';
import { isGivenName, isPersonName, parseTalkHeading, splitSpeakers } from './speakers.js';
import { cleanTitle, plainTitle, type TalkKind } from './talkTitle.js';
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

/** Plain text of a markdown fragment: link texts, no emphasis, no HTML. */
function plain(markdown: string): string {
  return plainTitle(
    markdown
      .replace(/<strike>.*?<\/strike>|<s>.*?<\/s>|~~.*?~~/gi, ' ')
      .replace(/<[^<>]*>/g, ' ')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1'),
  );
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
  const text = plain(markdown.split(/\s*\(\s*\[|\s*\[[^\]]*\]\(|:\s+\[/)[0] ?? markdown);
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
function readProse(markdown: string): { title: string; speakers: string[]; quoted: boolean } {
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
function isProseTalk(markdown: string, video: boolean): boolean {
  if (video && PROSE_TALK.test(markdown)) return true;
  // Two cheap looks keep the patterns off the many paragraphs that hold neither shape.
  const bold = /\*\*|__/.test(markdown) ? PRESENTED_BOLD.exec(markdown) : null;
  if (bold?.[1] !== undefined && isPersonName(bold[1])) return true;
  const own = /["“]/.test(markdown) ? OWN_TALK.exec(markdown) : null;
  return own !== null && proseSpeakers(plain(markdown.slice(0, own.index))).length > 0;
}

function isProse(title: string): boolean {
  const words = title.split(/\s+/).length;
  return (
    title === '' ||
    // A title holding an address is a labelled link ("Follow-up talk: https://…"), not a title.
    /https?:\/\/|^www\./i.test(title) ||
    words > 30 ||
    // A sentence ends before a capital; an abbreviation ("Quarkus vs. Micronaut", "Dr. Lange") does not.
    /(?<!\b(?:vs|Dr|Mr|Mrs|Ms|St|Jr|Sr|Prof|e\.g|i\.e|etc))[.!]\s+\p{Lu}/u.test(title) ||
    /\.$/.test(title)
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
  const evidence = drafts.map((d, i) => hasVideo(d.blocks) || (read[i]?.speakers.length ?? 0) > 0);
  const groups = new Map<number, { n: number; evidenced: number }>();
  drafts.forEach((d, i) => {
    const g = groups.get(d.group) ?? { n: 0, evidenced: 0 };
    g.n += 1;
    if (evidence[i]) g.evidenced += 1;
    groups.set(d.group, g);
  });

  return drafts.map((d, i) => {
    const r = read[i] as { title: string; speakers: string[]; quoted: boolean };
    const cleaned = cleanTitle(r.title);
    const g = groups.get(d.group) ?? { n: 1, evidenced: 0 };
    const others = g.n - 1;
    const features: TalkFeatures = {
      video: hasVideo(d.blocks),
      slides: hasSlides(d.blocks),
      speaker: r.speakers.length > 0 || cleaned.speakers.length > 0,
      siblings: others === 0 ? 0 : (g.evidenced - (evidence[i] ? 1 : 0)) / others,
      talkParent: TALK_PARENT.test(d.parent),
      nonTalkParent: NON_TALK_PARENT.test(d.parent),
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
