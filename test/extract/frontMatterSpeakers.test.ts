/**
 * Speakers named in front matter: speaker keys in several languages, at the
 * top level or inside a table of the page's event fields, and never the
 * post's author.
 */
import { describe, expect, it } from 'vitest';
import { frontMatterSpeakers } from '../../src/extract/frontMatterSpeakers.js';
import { indexPosts } from '../helpers/indexText.js';

describe('frontMatterSpeakers', () => {
  it('reads a German speaker key inside a nested table', () => {
    expect(frontMatterSpeakers({ title: 'X', ChaosSeminar: { Ort: 'Ulm', Vortragende: 'Felix' } })).toEqual([
      'Felix',
    ]);
  });

  it('reads lists and joined names under English and Spanish keys', () => {
    expect(frontMatterSpeakers({ presenters: ['Jane Doe', 'John Roe'] })).toEqual(['Jane Doe', 'John Roe']);
    expect(frontMatterSpeakers({ ponentes: 'Ana Ruiz y Luis Gómez' })).toEqual(['Ana Ruiz', 'Luis Gómez']);
  });

  it('takes no speaker from the author key', () => {
    expect(frontMatterSpeakers({ author: 'Jane Doe', by: ['John Roe'] })).toEqual([]);
  });
});

describe('a one-talk page whose speaker is only in a front-matter table', () => {
  it('is one talk with that speaker, its book table no talks', () => {
    const page = [
      '+++',
      'title = "Buchempfehlungen: nett und freundlich"',
      'date = "2015-12-14"',
      '',
      '[Seminar]',
      'Vortragende = "Felix"',
      '+++',
      '',
      'Ein Dutzend Bücher.',
      '',
      '| Autor | Titel | Verlag |',
      '| --- | --- | --- |',
      '| Dave Eggers | Der Circle | KiWi, 2014 |',
      '',
    ].join('\n');
    const data = indexPosts({ 'seminar/2015_12_buecher.md': page });
    expect(data.talks.map((t) => t.title)).toEqual(['Buchempfehlungen: nett und freundlich']);
    const speakers = new Map(data.speakers.map((s) => [s.slug, s.name]));
    expect(data.talks[0]?.speakerSlugs.map((s) => speakers.get(s))).toEqual(['Felix']);
  });
});
