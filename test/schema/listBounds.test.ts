/**
 * List bounds: the longest plain list of each list field in a graph, which
 * query cost counts a plain list at. A talk's links are its distinct URLs,
 * however often it cites each.
 */
import { describe, expect, it } from 'vitest';
import type { Citation, TalkModel } from '../../src/graph/types.js';
import { listBounds } from '../../src/schema/listBounds.js';
import { manyTalksGraph } from '../helpers/manyTalksGraph.js';

const cite = (url: string, line: number): Citation => ({ url, label: null, line });

describe('list bounds', () => {
  it('count a talk that cites one URL many times as one link', () => {
    const data = manyTalksGraph(3);
    const [first, second] = data.talks as [TalkModel, TalkModel];
    first.citations = [
      cite('https://a.example', 1),
      cite('https://a.example', 2),
      cite('https://b.example', 3),
    ];
    second.citations = [cite('https://c.example', 1), cite('https://c.example', 2)];
    expect(listBounds(data)['Talk.links']).toBe(2);
  });

  it('count distinct URLs in a talk of many citations', () => {
    const data = manyTalksGraph(2);
    const talk = data.talks[0] as TalkModel;
    talk.citations = Array.from({ length: 90 }, (_, i) => cite(`https://x.example/${i % 45}`, i));
    expect(listBounds(data)['Talk.links']).toBe(45);
  });

  it('take the longest of any talk and tool where a field adds both', () => {
    const data = manyTalksGraph(4);
    const mentions = Math.max(...data.talks.map((t) => t.mentions.length));
    const topics =
      Math.max(...data.talks.map((t) => t.topicSlugs.length)) +
      Math.max(...data.tools.map((t) => t.topics.length));
    const bounds = listBounds(data);
    expect(bounds['Talk.tools']).toBe(mentions);
    expect(bounds['RelatedTalk.sharedTools']).toBe(mentions);
    expect(bounds['Talk.topics']).toBe(topics);
    expect(bounds['ToolMention.evidence']).toBe(
      Math.max(...data.talks.flatMap((t) => t.mentions.map((m) => m.evidence.length))),
    );
  });
});
