/**
 * @module graph/searchDocuments
 * The graph's entities as search documents: six fields each, written out
 * from the graph only when asked for (to index a document, or to quote it in
 * a snippet), numbered in corpus order. See `search.ts` for the fields of
 * each kind.
 */
import type {
  ConferenceModel,
  EntityKind,
  GraphData,
  LinkModel,
  SpeakerModel,
  TalkModel,
  ToolModel,
  TopicModel,
} from './types.js';

export const FIELDS = ['name', 'aliases', 'people', 'tags', 'context', 'body'] as const;
export type Field = (typeof FIELDS)[number];
/** The kinds in the order their documents are numbered. */
export const KINDS: readonly EntityKind[] = ['talk', 'tool', 'conference', 'topic', 'speaker', 'link'];

/** The kinds whose entities a document names by slug. */
type NamedKind = 'conference' | 'talk' | 'tool' | 'topic' | 'speaker';

export interface SearchDocument {
  id: number;
  kind: EntityKind;
  key: string;
  fields: Record<Field, string>;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

function fieldsOf(fields: Partial<Record<Field, string | null | (string | null)[]>>): Record<Field, string> {
  const out = {} as Record<Field, string>;
  for (const field of FIELDS) {
    const value = fields[field];
    const parts = Array.isArray(value) ? value : [value];
    out[field] = collapse(
      parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(', '),
    );
  }
  return out;
}

/**
 * Every entity as a search document, numbered in corpus order: talks, tools,
 * conferences, topics, speakers, links. A document's fields are written out
 * only when asked for (to index it, or to quote it in a snippet) and not
 * kept: they copy the talk notes, the largest text of the graph.
 */
export class Documents {
  readonly count: number;
  /** Where each kind's documents start, in the order above. */
  private readonly starts: number[];
  /** Each kind's names by slug, made when a document first needs one (a graph read from a snapshot, only to quote a snippet). */
  private readonly names = new Map<NamedKind, Map<string, string>>();

  constructor(private readonly data: GraphData) {
    const sizes = [
      data.talks.length,
      data.tools.length,
      data.conferences.length,
      data.topics.length,
      data.speakers.length,
      data.links.length,
    ];
    let at = 0;
    this.starts = sizes.map((size) => {
      const start = at;
      at += size;
      return start;
    });
    this.count = at;
  }

  /** The documents of one kind: ids from `start` up to `end`. */
  range(kind: EntityKind): { start: number; end: number } {
    const k = KINDS.indexOf(kind);
    return { start: this.starts[k] as number, end: (this.starts[k + 1] as number | undefined) ?? this.count };
  }

  private nameOf(kind: NamedKind, slug: string): string {
    let names = this.names.get(kind);
    if (names === undefined) {
      const d = this.data;
      const entries: [string, string][] =
        kind === 'talk'
          ? d.talks.map((t) => [t.slug, t.title])
          : (kind === 'conference'
              ? d.conferences
              : kind === 'tool'
                ? d.tools
                : kind === 'topic'
                  ? d.topics
                  : d.speakers
            ).map((e) => [e.slug, e.name]);
      names = new Map(entries);
      this.names.set(kind, names);
    }
    return names.get(slug) ?? slug;
  }

  /** The kind of a document and the position of its entity in that kind's list. */
  private locate(id: number): [EntityKind, number] {
    for (let k = KINDS.length - 1; k >= 0; k--) {
      const start = this.starts[k] as number;
      if (id >= start) return [KINDS[k] as EntityKind, id - start];
    }
    throw new RangeError(`no search document ${id}`);
  }

  kind(id: number): EntityKind {
    return this.locate(id)[0];
  }

  key(id: number): string {
    const [kind, at] = this.locate(id);
    const d = this.data;
    switch (kind) {
      case 'talk':
        return (d.talks[at] as TalkModel).slug;
      case 'tool':
        return (d.tools[at] as ToolModel).slug;
      case 'conference':
        return (d.conferences[at] as ConferenceModel).slug;
      case 'topic':
        return (d.topics[at] as TopicModel).slug;
      case 'speaker':
        return (d.speakers[at] as SpeakerModel).slug;
      case 'link':
        return (d.links[at] as LinkModel).url;
    }
  }

  document(id: number): SearchDocument {
    const [kind, at] = this.locate(id);
    return { id, kind, key: this.key(id), fields: this.fields(kind, at) };
  }

  private fields(kind: EntityKind, at: number): Record<Field, string> {
    const name = (kind: NamedKind, slug: string): string => this.nameOf(kind, slug);
    const d = this.data;
    switch (kind) {
      case 'talk': {
        const talk = d.talks[at] as TalkModel;
        return fieldsOf({
          name: talk.title,
          people: talk.speakerSlugs.map((s) => name('speaker', s)),
          tags: [
            ...new Set([
              ...talk.mentions.map((m) => name('tool', m.toolSlug)),
              ...talk.topicSlugs.map((t) => name('topic', t)),
            ]),
          ],
          context: talk.conferenceSlug === null ? null : name('conference', talk.conferenceSlug),
          body: talk.notes,
        });
      }
      case 'tool': {
        const tool = d.tools[at] as ToolModel;
        return fieldsOf({
          name: tool.name,
          aliases: tool.aliases,
          tags: tool.topics.map((t) => name('topic', t)),
          body: tool.description,
        });
      }
      case 'conference': {
        const conference = d.conferences[at] as ConferenceModel;
        return fieldsOf({
          name: conference.name,
          aliases: conference.aliases,
          context: [conference.location, conference.year === null ? null : String(conference.year)],
        });
      }
      case 'topic': {
        const topic = d.topics[at] as TopicModel;
        return fieldsOf({
          name: topic.name,
          aliases: topic.aliases,
          context: topic.parentSlug === null ? null : name('topic', topic.parentSlug),
        });
      }
      case 'speaker': {
        const speaker = d.speakers[at] as SpeakerModel;
        return fieldsOf({
          name: speaker.name,
          context: speaker.talkSlugs.map((t) => name('talk', t)),
        });
      }
      case 'link': {
        const link = d.links[at] as LinkModel;
        return fieldsOf({ name: link.label ?? link.host, context: link.host, body: link.url });
      }
    }
  }
}
