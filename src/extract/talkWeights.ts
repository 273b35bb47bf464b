/**
 * @module extract/talkWeights
 * The one table of weights by which a talk candidate of any shape (list item,
 * bold paragraph, table row, the whole file) is scored, and the scoring
 * itself. A candidate is a talk when its score is above zero; the explanation
 * lists each feature's share so every decision can be read in a diagnostic.
 * The weights were chosen by measuring on labelled real notes by several
 * authors (`npm run eval`, leave-one-author-out), not per file.
 */

export interface TalkFeatures {
  /** A video link (YouTube, Vimeo, a media file) in the candidate. */
  video: boolean;
  /** A slides link or a "slides" label. */
  slides: boolean;
  /** A by-line or speaker pattern that names people. */
  speaker: boolean;
  /** Share (0..1) of the candidate's siblings (same list, same table) that carry a video or a speaker. */
  siblings: number;
  /** The nearest heading above names talks (Talks, Keynotes, Sessions, Day, Track, Charlas, Vorträge). */
  talkParent: boolean;
  /** The nearest heading above names something else (References, Links, Books, Resources). */
  nonTalkParent: boolean;
  /** The candidate's title names a part of an event that is no talk (Lunch, Break, Party, Welcome). */
  nonTalkWords: boolean;
  /** The title reads as a sentence of prose (long, or ends a sentence) rather than a title. */
  prose: boolean;
  /** A table row under a title column and a speaker or video column. */
  tableColumns: boolean;
  /** The post is about a conference (front matter, title, path folders). */
  conference: boolean;
  /** A time range with the title ("9:15am to 9:45am"). */
  timeRange: boolean;
  /** One or two words without a talk's evidence: a topic of the notes ("Observability", "Server Side"). */
  shortTopic: boolean;
  /** For the whole file: its title names the event, a day or a report, not one talk. */
  titleNamesEvent: boolean;
  /** For the whole file: it has a title of its own (front matter, a heading, a short first line, a file name of several words). */
  fileTitle: boolean;
  /** The candidate opens with a quoted title (`"Beyond Mocks" …`), as notes cite a talk. */
  quoted: boolean;
  /** The candidate says it is a talk: `"Title" talk …`, "the talk was Title (Jane Doe)". */
  talkWord: boolean;
  /** For the whole file: its folders name one edition of an event (`pyconau/2019/`), as when notes are filed one talk a file. */
  eventFolder: boolean;
}

/** Every feature absent: candidates of one shape set the features that shape can have. */
export const NO_FEATURES: TalkFeatures = {
  video: false,
  slides: false,
  speaker: false,
  siblings: 0,
  talkParent: false,
  nonTalkParent: false,
  nonTalkWords: false,
  prose: false,
  tableColumns: false,
  conference: false,
  timeRange: false,
  shortTopic: false,
  titleNamesEvent: false,
  fileTitle: false,
  quoted: false,
  talkWord: false,
  eventFolder: false,
};

export type TalkWeights = Record<keyof TalkFeatures | 'bias', number>;

/** The weights: positive features argue for a talk, negative against; `bias` is where a candidate starts. */
export const TALK_WEIGHTS: TalkWeights = {
  video: 2,
  slides: 1,
  speaker: 3,
  siblings: 1.5,
  talkParent: 1,
  nonTalkParent: -3,
  nonTalkWords: -3,
  prose: -3,
  tableColumns: 3,
  conference: 0.5,
  timeRange: 2,
  shortTopic: -1.5,
  titleNamesEvent: -3,
  fileTitle: 1,
  quoted: 1,
  talkWord: 2,
  eventFolder: 1.5,
  bias: -2.5,
};

export interface TalkScore {
  score: number;
  talk: boolean;
  /** "video +2, speaker +3, bias -2.5 = 2.5", built only when a diagnostic asks for it. */
  readonly explanation: string;
}

const FEATURE_KEYS = Object.keys(NO_FEATURES) as (keyof TalkFeatures)[];

function explain(features: TalkFeatures, weights: TalkWeights, score: number): string {
  const parts: string[] = [];
  for (const key of FEATURE_KEYS) {
    const value = Number(features[key]);
    if (value === 0) continue;
    const share = value * weights[key];
    parts.push(`${key} ${share >= 0 ? '+' : ''}${Number(share.toFixed(2))}`);
  }
  parts.push(`bias ${weights.bias}`);
  return `${parts.join(', ')} = ${Number(score.toFixed(2))}`;
}

/**
 * The bias plus each feature's share, added in the order of NO_FEATURES (the order `explain` lists
 * them in), written out: every candidate of every post is scored, and a loop over the keys read
 * each feature by a computed name. The tests hold it to that loop.
 */
function total(f: TalkFeatures, w: TalkWeights): number {
  let score = w.bias;
  score += Number(f.video) * w.video;
  score += Number(f.slides) * w.slides;
  score += Number(f.speaker) * w.speaker;
  score += Number(f.siblings) * w.siblings;
  score += Number(f.talkParent) * w.talkParent;
  score += Number(f.nonTalkParent) * w.nonTalkParent;
  score += Number(f.nonTalkWords) * w.nonTalkWords;
  score += Number(f.prose) * w.prose;
  score += Number(f.tableColumns) * w.tableColumns;
  score += Number(f.conference) * w.conference;
  score += Number(f.timeRange) * w.timeRange;
  score += Number(f.shortTopic) * w.shortTopic;
  score += Number(f.titleNamesEvent) * w.titleNamesEvent;
  score += Number(f.fileTitle) * w.fileTitle;
  score += Number(f.quoted) * w.quoted;
  score += Number(f.talkWord) * w.talkWord;
  score += Number(f.eventFolder) * w.eventFolder;
  return score;
}

/**
 * A score whose explanation is written only when read: a class, as an object literal with a getter
 * made for every candidate of every post is slow to build.
 */
class Score implements TalkScore {
  readonly score: number;
  readonly talk: boolean;
  private readonly features: TalkFeatures;
  private readonly weights: TalkWeights;

  constructor(score: number, features: TalkFeatures, weights: TalkWeights) {
    this.score = score;
    this.talk = score > 0;
    this.features = features;
    this.weights = weights;
  }

  get explanation(): string {
    return explain(this.features, this.weights, this.score);
  }
}

export function scoreTalk(features: TalkFeatures, weights: TalkWeights = TALK_WEIGHTS): TalkScore {
  return new Score(total(features, weights), features, weights);
}
