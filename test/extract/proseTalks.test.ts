/**
 * Talks that live only in prose: a paragraph citing a person's talk by its
 * quoted title linked to the video; and a speaker named only at the start of
 * a link named after the talk (its slides).
 */
import { describe, expect, it } from 'vitest';
import { linkTextSpeaker } from '../../src/extract/proseSpeakers.js';
import { indexPosts } from '../helpers/indexText.js';

describe('a talk cited in a paragraph of prose', () => {
  const post = (paragraph: string) =>
    [
      '---',
      'title: GopherCon 2014 Wrap Up',
      '---',
      '',
      'In April 700 gophers descended upon Denver. Two keynotes framed the conference:',
      '',
      '  - Rob Pike\'s opening talk ["Hello, Gophers!"](https://www.youtube.com/watch?v=VoS7DsT1rdM)',
      '  - Andrew Gerrand\'s closing talk ["Go for gophers"](https://www.youtube.com/watch?v=dKGmK_Z1Zl0)',
      '',
      paragraph,
      '',
      'But, really, you should just [watch them all](http://confreaks.com/events/gophercon2014).',
      '',
    ].join('\n');

  it('is a talk by the person whose possessive names it', () => {
    const data = indexPosts({
      'gophercon.md': post(
        'One talk that resonated with the team was Peter Bourgon\'s\n["Best practices for Production Environments"](https://www.youtube.com/watch?v=Y1-RLAl7iOI)\n([notes](http://peter.bourgon.org/go-in-production/)).',
      ),
    });
    const names = new Map(data.speakers.map((s) => [s.slug, s.name]));
    expect(data.talks.map((t) => [t.title, t.youtubeId, t.speakerSlugs.map((s) => names.get(s))])).toEqual([
      ['Hello, Gophers!', 'VoS7DsT1rdM', ['Rob Pike']],
      ['Go for gophers', 'dKGmK_Z1Zl0', ['Andrew Gerrand']],
      ['Best practices for Production Environments', 'Y1-RLAl7iOI', ['Peter Bourgon']],
    ]);
  });

  it('is no talk when the quoted link is no video', () => {
    const data = indexPosts({
      'gophercon.md': post(
        'We liked Peter Bourgon\'s ["Go in production"](http://peter.bourgon.org/go-in-production/) notes.',
      ),
    });
    expect(data.talks.map((t) => t.title)).toEqual(['Hello, Gophers!', 'Go for gophers']);
  });
});

describe('linkTextSpeaker', () => {
  const title = 'Memory Safety Everywhere with Both Rust and Carbon';

  it('reads the name opening a link named after the talk', () => {
    expect(linkTextSpeaker('Chandler Carruth 2025 rustconf memory safety everywhere', title)).toBe(
      'Chandler Carruth',
    );
  });

  it('reads nothing from a link about something else', () => {
    expect(linkTextSpeaker('Chandler Carruth on compilers', title)).toBeNull();
    expect(linkTextSpeaker('The case for memory safe roadmaps', title)).toBeNull();
  });
});
