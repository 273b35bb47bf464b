/**
 * Notes taken in the room list a conference's talks speakers first ("Jane
 * Doe: Title", "A & B: Title", "Jane Doe — Title"). Read only in a
 * conference's notes and only when each name opens with a given name: a
 * team's agenda ("Alex Turner: queue migration") is no list of talks, nor
 * is "Growth Hacking: Data Driven Marketing".
 */
import { describe, expect, it } from 'vitest';
import { readItem } from '../../src/extract/itemReading.js';
import { indexPosts } from '../helpers/indexText.js';

const talksOf = (files: Record<string, string>) => {
  const data = indexPosts(files);
  const names = new Map(data.speakers.map((s) => [s.slug, s.name]));
  return data.talks.map((t) => [t.title, t.speakerSlugs.map((s) => names.get(s))]);
};

describe('speakers-first list items', () => {
  it('reads the speakers before a colon or a dash in a conference’s notes', () => {
    const text = [
      '# PyCon US 2024 (Pittsburgh)',
      '',
      'friday',
      '- Greta Lindqvist: Design Pressure',
      '  - types push you toward better design',
      '- Sarah Kaiser & Cheuk Ting Ho: Testing in the age of LLMs',
      '  - property-based testing',
      '- Zofia Wójcik — Python 3.13 and the free-threaded build',
      '  - https://www.youtube.com/watch?v=zOY9mc4zRxk',
      '',
    ].join('\n');
    expect(talksOf({ 'pycon-us.md': text })).toEqual([
      ['Design Pressure', ['Greta Lindqvist']],
      ['Testing in the age of LLMs', ['Sarah Kaiser', 'Cheuk Ting Ho']],
      ['Python 3.13 and the free-threaded build', ['Zofia Wójcik']],
    ]);
  });

  it('leaves a team’s agenda without talks', () => {
    const text = [
      '# Platform team sync — 2024-05-21',
      '',
      '## Agenda',
      '',
      '- Alex Turner: Kafka migration status',
      '- Priya Nair: Terraform state cleanup',
      '- Mei Chen: Proposal — move CI to GitHub Actions',
      '',
    ].join('\n');
    expect(talksOf({ 'meetings/2024-05-21-platform-sync.md': text })).toEqual([]);
  });

  it('needs each name to open with a given name, and only when asked', () => {
    expect(readItem('Growth Hacking: Data and Product Driven Marketing', true).speakers).toEqual([]);
    expect(readItem('Go GC: Solving the Latency Problem — Rick Hudson', true).speakers).toEqual([
      'Rick Hudson',
    ]);
    expect(readItem('Greta Lindqvist: Design Pressure', false).speakers).toEqual([]);
  });
});

describe('front matter naming the event', () => {
  it('takes an `event:` key as the conference of a talk’s page', () => {
    const text = [
      '---',
      'title: "Async Drop in Practice"',
      'event: "RustConf 2024"',
      'video: "https://www.youtube.com/watch?v=pL9aZ2cR4xM"',
      '---',
      '',
      'The write-up of my talk.',
      '',
    ].join('\n');
    const data = indexPosts({ 'talks/async-drop.md': text });
    expect(data.conferences.map((c) => [c.name, c.year])).toEqual([['RustConf 2024', 2024]]);
  });
});
