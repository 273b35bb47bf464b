/**
 * Shared evidence: mentions found on the same lines of a talk share one
 * evidence object per line and one list per set of lines, whether the talk
 * was indexed or read back from a snapshot; strings of any script read back
 * from a snapshot as they were written.
 */
import { describe, expect, it } from 'vitest';
import { shareEvidence } from '../../src/graph/shareEvidence.js';
import { decodeSnapshot, encodeSnapshot } from '../../src/graph/snapshot.js';
import type { Evidence, GraphData, TalkModel, ToolMentionModel } from '../../src/graph/types.js';
import { indexContent } from '../../src/indexing/indexer.js';

const at = (line: number, text: string): Evidence => ({ path: 'posts/a.md', line, text });
const mention = (toolSlug: string, evidence: Evidence[]): ToolMentionModel => ({
  toolSlug,
  talkSlug: 't',
  via: 'NAME',
  evidence,
});

/** Evidence objects and lists of a graph, counted by identity. */
function distinct(data: GraphData): { objects: number; lists: number; evidence: number } {
  const objects = new Set<Evidence>();
  const lists = new Set<Evidence[]>();
  let evidence = 0;
  for (const talk of data.talks) {
    for (const m of talk.mentions) {
      lists.add(m.evidence);
      for (const e of m.evidence) objects.add(e);
      evidence += m.evidence.length;
    }
  }
  return { objects: objects.size, lists: lists.size, evidence };
}

describe('shared evidence', () => {
  it('makes equal lines one object and equal lists one list, keeping each mention its lines', () => {
    const talk: Pick<TalkModel, 'mentions'> = {
      mentions: [
        mention('kafka', [at(3, 'Kafka and Flink')]),
        mention('flink', [at(3, 'Kafka and Flink'), at(5, 'Flink again')]),
        mention('zookeeper', [at(3, 'Kafka and Flink')]),
        mention('beam', [at(5, 'Flink again'), at(7, 'Beam')]),
      ],
    };
    shareEvidence(talk);
    const [kafka, flink, zookeeper, beam] = talk.mentions;
    expect(kafka?.evidence).toBe(zookeeper?.evidence);
    expect(flink?.evidence).not.toBe(kafka?.evidence);
    expect(flink?.evidence[0]).toBe(kafka?.evidence[0]);
    expect(beam?.evidence[0]).toBe(flink?.evidence[1]);
    expect(talk.mentions.map((m) => m.evidence.map((e) => e.line))).toEqual([[3], [3, 5], [3], [5, 7]]);
  });

  it('keeps apart lines of the same number whose text differs', () => {
    const talk: Pick<TalkModel, 'mentions'> = {
      mentions: [mention('a', [at(3, 'one text')]), mention('b', [at(3, 'another text')])],
    };
    shareEvidence(talk);
    expect(talk.mentions.map((m) => m.evidence[0]?.text)).toEqual(['one text', 'another text']);
    expect(talk.mentions[0]?.evidence).not.toBe(talk.mentions[1]?.evidence);
  });

  it('is shared alike in an indexed graph and in one read back from its snapshot', async () => {
    const { data } = await indexContent({ root: 'test/fixtures/corpus' });
    const read = decodeSnapshot(encodeSnapshot(data, 'corpus').bytes, 'corpus.snapshot').data;
    expect(read).toEqual(data);
    const indexed = distinct(data);
    expect(indexed.objects).toBeLessThan(indexed.evidence);
    expect(distinct(read)).toEqual(indexed);
  });

  it('reads strings of any script back from a snapshot as written', async () => {
    const { data } = await indexContent({ root: 'test/fixtures/corpus' });
    const titles = ['Ünïcödé «talk» — 東京 🚀', '', 'plain'];
    const talks = titles.map((title, i) => ({ ...(data.talks[0] as TalkModel), slug: `s${i}`, title }));
    const read = decodeSnapshot(encodeSnapshot({ ...data, talks }, 'corpus').bytes, 'x').data;
    expect(read.talks.map((t) => t.title)).toEqual(titles);
  });
});
