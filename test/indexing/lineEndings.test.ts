/**
 * The indexer on CRLF and CR line endings and files without a final newline. Cases index inline strings.
 */
import { describe, expect, it } from 'vitest';
import type { GraphData } from '../../src/graph/store.js';
import { indexPosts } from '../helpers/indexText.js';

describe('line endings and file ends', () => {
  const NOTES = `+++
title = "Notes from GopherCon 2019"
date = "3018-05-16"
+++

Intro with the playlist https://www.youtube.com/watch?v=abcdefghijk&list=PL123

## Summary

Short.

## First Talk

- Video Link: https://youtu.be/bcdefghijkl?t=42
- uses https://example.com/a.
- Video Link:

## Second Talk by Jane Doe

{{< youtube cdefghijklm >}}
`;

  const shape = (graph: GraphData) => ({
    talks: graph.talks.map((t) => ({
      title: t.title,
      line: t.source.line,
      endLine: t.endLine,
      youtubeId: t.youtubeId,
      videoStart: t.videoStart,
      speakers: t.speakerSlugs,
      citations: t.citations,
    })),
    links: graph.links.map((l) => [l.url, l.kind, l.source.line]),
    diagnostics: graph.diagnostics.map((d) => [d.code, d.line, d.column]),
  });

  it('indexes CRLF line endings like LF: the same talks, links and lines', () => {
    const lf = indexPosts({ 'notes.md': NOTES });
    const crlf = indexPosts({ 'notes.md': NOTES.replace(/\n/g, '\r\n') });
    expect(lf.talks.map((t) => [t.title, t.source.line])).toEqual([
      ['First Talk', 12],
      ['Second Talk', 18],
    ]);
    expect(shape(crlf)).toEqual(shape(lf));
    expect(crlf.talks.some((t) => /\r/.test(t.title) || /\r/.test(t.notes))).toBe(false);
  });

  it('indexes CRLF front matter in every format', () => {
    const yaml =
      '---\r\ntitle: "Notes from GopherCon 2019"\r\n---\r\n\r\n## A Talk\r\n\r\n- Video Link: https://youtu.be/abcdefghijk\r\n';
    const json =
      '{\r\n  "title": "Notes from GopherCon 2019"\r\n}\r\n\r\n## A Talk\r\n\r\n- Video Link: https://youtu.be/abcdefghijk\r\n';
    for (const text of [yaml, json]) {
      const graph = indexPosts({ 'crlf.md': text });
      expect(graph.posts[0]?.title).toBe('Notes from GopherCon 2019');
      expect(graph.talks.map((t) => [t.title, t.source.line, t.youtubeId])).toEqual([
        ['A Talk', 5, 'abcdefghijk'],
      ]);
    }
  });

  it('reads the last line of a file without a final newline', () => {
    const graph = indexPosts({
      'no-eol.md': `---
title: "Notes from GopherCon 2019"
---

## Last Talk

Read https://example.com/last and watch https://youtu.be/abcdefghijk?t=1m`,
    });
    const t = graph.talks[0];
    expect(t?.title).toBe('Last Talk');
    expect(t?.youtubeId).toBe('abcdefghijk');
    expect(t?.videoStart).toBe(60);
    expect(t?.citations.map((c) => [c.url, c.line])).toEqual([
      ['https://example.com/last', 7],
      ['https://www.youtube.com/watch?v=abcdefghijk&t=60s', 7],
    ]);
    expect(t?.endLine).toBe(7);
  });
});
