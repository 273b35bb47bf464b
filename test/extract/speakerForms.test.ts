/**
 * Speaker forms seen in real notes: paragraphs that list several people with
 * their roles, one a line or comma-separated with affiliations in brackets,
 * and by-lines wrapped in emphasis.
 */
import { describe, expect, it } from 'vitest';
import { readItem } from '../../src/extract/itemReading.js';
import { namedSpeakers } from '../../src/extract/speakers.js';

describe('namedSpeakers', () => {
  it('reads one person a line, each with a role and company', () => {
    expect(
      namedSpeakers([
        'Adrian Cockcroft - VP Cloud Architecture Strategy, Amazon Web Services',
        'Ana Medina - Chaos Engineer, Gremlin',
      ]),
    ).toEqual([
      { name: 'Adrian Cockcroft', affiliation: 'VP Cloud Architecture Strategy, Amazon Web Services' },
      { name: 'Ana Medina', affiliation: 'Chaos Engineer, Gremlin' },
    ]);
  });

  it('reads a bold comma-separated list of people with bracketed affiliations', () => {
    expect(namedSpeakers(['**Jos Boumans (Krux Digital), Bruce Wong (Twilio)**'])).toEqual([
      { name: 'Jos Boumans', affiliation: 'Krux Digital' },
      { name: 'Bruce Wong', affiliation: 'Twilio' },
    ]);
  });

  it('refuses a paragraph where any line is not a name', () => {
    expect(
      namedSpeakers(['Ana Medina - Chaos Engineer, Gremlin', 'We walk through chaos practices.']),
    ).toBeNull();
    expect(namedSpeakers(['Tools (Docker), Kubernetes (Google)'])).toBeNull();
  });
});

describe('readItem by-lines in emphasis', () => {
  it('reads the speaker of "[Title](url) _by Jane Doe_ - description"', () => {
    expect(
      readItem('[Launching into Go](http://vimeo.com/1) _by Kathy Spardlin_ - a contributor explains')
        .speakers,
    ).toEqual(['Kathy Spardlin']);
  });

  it('reads "Jane Doe\'s opening talk ["Title"](video)" as the title and its speaker', () => {
    const item = readItem(
      'Rob Pike\'s opening talk ["Hello, Gophers!"](https://www.youtube.com/watch?v=x) discusses history',
    );
    expect(item).toEqual({ title: 'Hello, Gophers!', speakers: ['Rob Pike'], quoted: true });
  });

  it('does not read a possessive of something that is not a person', () => {
    expect(
      readItem("Go's standard library [net/http](https://pkg.go.dev/net/http) is great").speakers,
    ).toEqual([]);
  });

  it('reads a person named right after a quoted title in a bullet', () => {
    expect(readItem('"Phoenix Unplugged" Divya Sasidharan had nice slides about Plug')).toEqual({
      title: 'Phoenix Unplugged',
      speakers: ['Divya Sasidharan'],
      quoted: true,
    });
    expect(readItem('"Rapid prototyping" Was a fun one').speakers).toEqual([]);
  });
});
