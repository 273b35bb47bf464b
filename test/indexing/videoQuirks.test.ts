/**
 * The indexer on every way notes write a talk's video. Most cases index the content
 * root under test/fixtures/quirks/; the rest index inline strings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphData } from '../../src/graph/store.js';
import { indexPosts } from '../helpers/indexText.js';

import { diagnostics, GOPHERCON, indexQuirks, talk, talkBySlug } from '../helpers/quirks.js';

let data: GraphData;

beforeAll(async () => {
  data = await indexQuirks();
});

describe('videos', () => {
  it('reads a {{< youtube ID >}} shortcode', () => {
    const t = talk('The Go Compiler');
    expect(t.youtubeId).toBe('BBBBBBBBBBB');
    expect(t.videoUrl).toBe('https://www.youtube.com/watch?v=BBBBBBBBBBB');
    expect(t.citations[0]).toMatchObject({ url: t.videoUrl, line: 20 });
  });

  it('reads a {{< youtube id="ID" >}} shortcode', () => {
    const t = talk('Generics in Practice');
    expect(t.youtubeId).toBe('CCCCCCCCCCC');
    expect(t.citations[0]?.line).toBe(27);
  });

  it('reads an <iframe> YouTube embed', () => {
    const t = talk('Embedded Go');
    expect(t.youtubeId).toBe('DDDDDDDDDDD');
    expect(t.citations.find((c) => c.url === t.videoUrl)?.line).toBe(34);
  });

  it('reads a malformed single-brace {< youtube ID >} and warns about it', () => {
    const t = talk('Broken Shortcode');
    expect(t.youtubeId).toBe('HHHHHHHHHHH');
    const warnings = diagnostics('SHORTCODE_MALFORMED', GOPHERCON);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'WARNING', line: 51 });
  });

  it('reads youtu.be/ID?t=42 as the video with a 42 second start', () => {
    const t = talkBySlug('profiling');
    expect(t.youtubeId).toBe('EEEEEEEEEEE');
    expect(t.videoStart).toBe(42);
  });

  it('reads t=1m30s as a 90 second start', () => {
    const t = talk('Tracing');
    expect(t.youtubeId).toBe('FFFFFFFFFFF');
    expect(t.videoStart).toBe(90);
  });

  it('reads a youtube.com/embed/ID link', () => {
    const t = talkBySlug('profiling-2');
    expect(t.youtubeId).toBe('IIIIIIIIIII');
    expect(t.videoStart).toBeNull();
  });

  it('takes the first of two videos in a talk as its video, and keeps both as links', () => {
    const t = talk('Tracing');
    expect(t.youtubeId).toBe('FFFFFFFFFFF');
    const videos = data.links.filter((l) => l.kind === 'VIDEO' && l.talkSlugs.includes(t.slug));
    expect(videos.map((l) => l.youtubeId)).toEqual(['FFFFFFFFFFF', 'GGGGGGGGGGG']);
    // `&t=90` on the second one is a start offset, kept in the canonical URL.
    expect(videos[1]?.url).toBe('https://www.youtube.com/watch?v=GGGGGGGGGGG&t=90s');
  });

  it('warns about an empty "Video Link:" and leaves the talk without a video', () => {
    const t = talk('Lightning Talks Recap Without Video');
    expect(t.videoUrl).toBeNull();
    expect(t.youtubeId).toBeNull();
    const empty = diagnostics('VIDEO_LINK_EMPTY', GOPHERCON);
    expect(empty).toHaveLength(1);
    expect(empty[0]).toMatchObject({ severity: 'WARNING', line: 55 });
    const noVideo = diagnostics('TALK_NO_VIDEO', GOPHERCON);
    expect(noVideo.map((d) => [d.severity, d.line])).toEqual([['INFO', 53]]);
  });

  it('takes a video linked from the talk heading itself as the talk video', () => {
    const graph = indexPosts({
      'heading-links.md': `---
title: "Notes from GopherCon 2019"
---

## [Writing a Compiler](https://www.youtube.com/watch?v=abcdefghijk)

Notes on the compiler.

## [Writing an Interpreter](https://www.youtube.com/watch?v=bcdefghijkl)

Notes on the interpreter.
`,
    });
    expect(graph.talks.map((t) => [t.title, t.source.line, t.youtubeId])).toEqual([
      ['Writing a Compiler', 5, 'abcdefghijk'],
      ['Writing an Interpreter', 9, 'bcdefghijkl'],
    ]);
    const link = graph.links.find((l) => l.youtubeId === 'abcdefghijk');
    expect(link?.talkSlugs).toEqual(['writing-a-compiler']);
  });
});
