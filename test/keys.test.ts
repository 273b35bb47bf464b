/**
 * The keys module: what counts as the same name, how slugs are made and kept
 * unique, and when two conference names are one event.
 */
import { describe, expect, it } from 'vitest';
import { conferenceKey, lookupKey, SlugRegistry, slugify } from '../src/keys.js';

describe('keys', () => {
  it('compares names without case or runs of punctuation', () => {
    expect(lookupKey('  Cloud—Run! ')).toBe(lookupKey('cloud run'));
    expect(lookupKey('C++')).toBe('c++');
  });

  it('makes slugs as GitHub makes heading anchors, never empty', () => {
    expect(slugify('Keynote: What is new in Go?')).toBe('keynote-what-is-new-in-go');
    expect(slugify('!!!')).toBe('untitled');
  });

  it('numbers a taken slug and leaves reserved slugs to their owner', () => {
    const slugs = new SlugRegistry();
    slugs.reserve('devconf-2019');
    expect(slugs.take('DevConf 2019')).toEqual({ slug: 'devconf-2019-2', duplicate: true });
    expect(slugs.take('Keynote')).toEqual({ slug: 'keynote', duplicate: false });
    expect(slugs.take('Keynote').slug).toBe('keynote-2');
    expect(slugs.take('Keynote').slug).toBe('keynote-3');
  });

  it('gives one key to the ways people write one edition of an event', () => {
    expect(conferenceKey('SREcon19 Europe', 2019)).toBe(conferenceKey('SREcon Europe 2019', 2019));
    expect(conferenceKey('The GopherCon 2019', 2019)).toBe(conferenceKey('GopherCon', 2019));
  });
});
