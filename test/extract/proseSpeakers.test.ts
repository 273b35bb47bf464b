/**
 * Speakers named in the prose opening a talk's section: the subject of a
 * presenting verb, the people a talk or panel is given by or with. Roles and
 * companies around a name stay out of it; tools are no people.
 */
import { describe, expect, it } from 'vitest';
import { proseSpeakers } from '../../src/extract/proseSpeakers.js';
import { indexPosts } from '../helpers/indexText.js';

describe('proseSpeakers', () => {
  it('reads the subject of a presenting verb, leaving a role before the name out', () => {
    expect(proseSpeakers('Google Engineer Sugu Sougoumarane described how he built Vitess.')).toEqual([
      'Sugu Sougoumarane',
    ]);
    expect(
      proseSpeakers('In this talk, Brad Fitzpatrick and Mathieu Lonjaret explain why they built it.'),
    ).toEqual(['Brad Fitzpatrick', 'Mathieu Lonjaret']);
  });

  it('drops bracketed companies from a list of people', () => {
    expect(
      proseSpeakers(
        'In this session Gustavo Niemeyer (Canonical), Keith Rarick (Heroku), and Evan Shaw (Iron.io) share their experience.',
      ),
    ).toEqual(['Gustavo Niemeyer', 'Keith Rarick', 'Evan Shaw']);
  });

  it('reads the people a panel is held with', () => {
    expect(proseSpeakers('A panel discussion with David Symonds, Rob Pike, and Brad Fitzpatrick.')).toEqual([
      'David Symonds',
      'Rob Pike',
      'Brad Fitzpatrick',
    ]);
  });

  it('reads first names alone only after a participle and "by", two or more', () => {
    expect(
      proseSpeakers('a good training, well-facilitated by Ethan and Zack. We went through use cases.'),
    ).toEqual(['Ethan', 'Zack']);
    expect(proseSpeakers('a training facilitated by Ethan.')).toEqual([]);
    expect(proseSpeakers('a demo presented by Google and Microsoft.')).toEqual([]);
  });

  it('names nobody in prose without a presenting verb or a by-line', () => {
    expect(proseSpeakers('Rob Pike and Ken Thompson designed the language in 2007.')).toEqual([]);
    expect(proseSpeakers('We met Jane Doe at the party.')).toEqual([]);
  });
});

describe('prose speakers in a post', () => {
  it('gives a talk without a by-line the people its opening prose names, but no tool', () => {
    const post = [
      '---',
      'title: Go at FOSDEM 2014',
      '---',
      '',
      '## Write your own Go compiler',
      '',
      'Elliot Stoneham explains the potential for Go as a portable language.',
      '',
      '{{< youtube Qe8Dq7V3hXY >}}',
      '',
      '## Microservices',
      '',
      'Spring Boot shows how little code a service needs.',
      '',
      '{{< youtube qATTTSg6zXk >}}',
      '',
    ].join('\n');
    const data = indexPosts(
      { 'fosdem.md': post, 'tools/spring-boot.md': '---\nname: Spring Boot\n---\n' },
      { catalogue: false },
    );
    const names = new Map(data.speakers.map((s) => [s.slug, s.name]));
    expect(data.talks.map((t) => [t.title, t.speakerSlugs.map((s) => names.get(s))])).toEqual([
      ['Write your own Go compiler', ['Elliot Stoneham']],
      ['Microservices', []],
    ]);
  });
});

describe('prose speakers in a section written as bullets', () => {
  it('reads the first bullet under a talk heading', () => {
    const post = [
      '## ElixirConf US 2024 Highlights',
      '',
      '### Training: Instrumenting elixir applications',
      '  - a good training, well-facilitated by Ethan and Zack.',
      '  - the sales site: https://www.instrumentingelixir.com/',
      '',
    ].join('\n');
    const data = indexPosts({ 'elixirconf.md': post });
    const names = new Map(data.speakers.map((s) => [s.slug, s.name]));
    expect(data.talks.map((t) => [t.title, t.speakerSlugs.map((s) => names.get(s))])).toEqual([
      ['Instrumenting elixir applications', ['Ethan', 'Zack']],
    ]);
  });
});
