/**
 * @module indexing/topicToolsPatch
 * A topic's tools after one post's talks changed. The store lists a topic's
 * tools as the tools carrying the topic (in tool order), then the tools its
 * talks mention, each where a talk first mentions it. Recounting every talk
 * of a popular topic would cost as much as the graph, so the builder's
 * knowledge is kept per topic and tool: the post of the first talk that
 * mentions it, and how many talks do. A tool first mentioned by the post
 * moves or goes; the others stay where they are. Should a tool's first talk
 * move past the post to a later one, the answer is a reason to rebuild.
 */
import type { TalkModel } from '../graph/types.js';

export interface TopicToolUse {
  /** `topic\0tool` → the path of the first post whose talk on the topic mentions the tool. */
  first: Map<string, string>;
  /** `topic\0tool` → how many talks on the topic mention the tool. */
  count: Map<string, number>;
}

const pair = (topic: string, tool: string) => `${topic}\u0000${tool}`;

/** The tools each topic's talks mention, each once per talk, in order. */
export function toolsByTopic(talks: readonly TalkModel[]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const talk of talks) {
    if (talk.topicSlugs.length === 0) continue;
    const tools = [...new Set(talk.mentions.map((m) => m.toolSlug))];
    for (const topic of talk.topicSlugs) {
      const lists = out.get(topic) ?? [];
      out.set(topic, lists);
      lists.push(tools);
    }
  }
  return out;
}

export function topicToolUseOf(talks: readonly TalkModel[]): TopicToolUse {
  const use: TopicToolUse = { first: new Map(), count: new Map() };
  for (const talk of talks) {
    if (talk.topicSlugs.length === 0) continue;
    const tools = new Set(talk.mentions.map((m) => m.toolSlug));
    for (const topic of talk.topicSlugs) {
      for (const tool of tools) {
        const key = pair(topic, tool);
        if (!use.first.has(key)) use.first.set(key, talk.source.path);
        use.count.set(key, (use.count.get(key) ?? 0) + 1);
      }
    }
  }
  return use;
}

export interface TopicToolsInput {
  path: string;
  before: readonly TalkModel[];
  after: readonly TalkModel[];
  /** Updated in place: the caller drops it when the answer is a reason. */
  use: TopicToolUse;
  topicTools: ReadonlyMap<string, readonly string[]>;
  /** The tools of the graph carrying each topic themselves. */
  carriers: ReadonlyMap<string, ReadonlySet<string>>;
}

const countIn = (lists: readonly string[][] | undefined, tool: string) =>
  (lists ?? []).reduce((n, tools) => n + (tools.includes(tool) ? 1 : 0), 0);

/** The replaced lists (null: the topic has no tools left), or why the graph must be rebuilt. */
export function patchTopicTools(input: TopicToolsInput): Map<string, string[] | null> | string {
  const { path, use } = input;
  const before = toolsByTopic(input.before);
  const after = toolsByTopic(input.after);
  const out = new Map<string, string[] | null>();
  for (const topic of new Set([...before.keys(), ...after.keys()])) {
    const seqBefore = [...new Set((before.get(topic) ?? []).flat())];
    const seqAfter = [...new Set((after.get(topic) ?? []).flat())];
    const counted = new Set([...seqBefore, ...seqAfter]);
    const moved = new Set<string>();
    for (const tool of counted) {
      const key = pair(topic, tool);
      const had = countIn(before.get(topic), tool);
      const has = countIn(after.get(topic), tool);
      if (had === has) continue;
      const count = (use.count.get(key) ?? 0) - had + has;
      const first = use.first.get(key);
      if (first === path) moved.add(tool);
      if (count === 0) {
        use.count.delete(key);
        use.first.delete(key);
      } else if (first !== undefined && first < path) use.count.set(key, count);
      else if (has > 0) {
        use.count.set(key, count);
        use.first.set(key, path);
        moved.add(tool);
      } else return `the first talk on ${topic} mentioning ${tool} moves to a later post`;
    }
    // Places follow the first talk mentioning each tool: while the post brings the same tools in
    // the same order, or none it mentions first, the list stands as it is.
    if (
      moved.size === 0 &&
      seqBefore.length === seqAfter.length &&
      seqBefore.every((t, i) => t === seqAfter[i])
    )
      continue;
    for (const tool of seqAfter) if (use.first.get(pair(topic, tool)) === path) moved.add(tool);
    for (const tool of seqBefore) if (use.first.get(pair(topic, tool)) === path) moved.add(tool);
    if (moved.size === 0) continue;
    // The tools of the post's own talks, first mentioned there, sit together after those before it.
    const carried = input.carriers.get(topic) ?? new Set<string>();
    const rest = (input.topicTools.get(topic) ?? []).filter((t) => carried.has(t) || !moved.has(t));
    const block = seqAfter.filter((t) => !carried.has(t) && use.first.get(pair(topic, t)) === path);
    // Carried tools first, then by the post of their first talk: the post's block goes after those before it.
    const comesBefore = (t: string) => {
      if (carried.has(t)) return true;
      const first = use.first.get(pair(topic, t));
      return first !== undefined && first < path;
    };
    let at = 0;
    let end = rest.length;
    while (at < end) {
      const mid = (at + end) >> 1;
      if (comesBefore(rest[mid] as string)) at = mid + 1;
      else end = mid;
    }
    const list = rest.slice(0, at).concat(block, rest.slice(at));
    out.set(topic, list.length === 0 ? null : list);
  }
  return out;
}
