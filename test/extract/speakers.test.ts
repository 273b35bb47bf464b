/**
 * Talk headings and speaker lines: titles, speakers and what is not a speaker.
 */
import { describe, expect, it } from 'vitest';
import { parseTalkHeading, speakersFromLine } from '../../src/extract/speakers.js';

describe('talk headings and speakers', () => {
  it('reads "Keynote: Title - Jane Doe" as the title and the speaker', () => {
    expect(parseTalkHeading('Keynote: Building Reliable Systems - Jane Doe')).toMatchObject({
      title: 'Building Reliable Systems',
      speakers: ['Jane Doe'],
    });
  });

  it('reads "Title by Jane Doe"', () => {
    expect(parseTalkHeading('Building Reliable Systems by Jane Doe')).toMatchObject({
      title: 'Building Reliable Systems',
      speakers: ['Jane Doe'],
    });
  });

  it('reads "Title (Jane Doe, Acme)" without taking the company for a speaker', () => {
    expect(parseTalkHeading('Building Reliable Systems (Jane Doe, Acme)')).toMatchObject({
      title: 'Building Reliable Systems',
      speakers: ['Jane Doe'],
    });
  });

  it('keeps "Kubernetes Project Update - Google" as the whole title', () => {
    expect(parseTalkHeading('Kubernetes Project Update - Google')).toMatchObject({
      title: 'Kubernetes Project Update - Google',
      speakers: [],
    });
    expect(parseTalkHeading('Container Native observability & security from Google Cloud')).toMatchObject({
      title: 'Container Native observability & security from Google Cloud',
      speakers: [],
    });
  });

  it('reads several speakers, name particles, and a name before the title', () => {
    expect(parseTalkHeading('1. Talk: Intro to Go - Ann Lee and Bob Stone')).toMatchObject({
      title: 'Intro to Go',
      speakers: ['Ann Lee', 'Bob Stone'],
    });
    expect(parseTalkHeading('Scaling with gRPC | Maria von Trapp').speakers).toEqual(['Maria von Trapp']);
    expect(parseTalkHeading('Jane Doe - Building reliable things')).toMatchObject({
      title: 'Building reliable things',
      speakers: ['Jane Doe'],
    });
  });

  it('does not take words after "by" for a speaker when they are not a name', () => {
    expect(parseTalkHeading('Stand by Me')).toMatchObject({ title: 'Stand by Me', speakers: [] });
    expect(parseTalkHeading('Workshop: Hands on Rust')).toMatchObject({
      title: 'Hands on Rust',
      speakers: [],
    });
  });

  it('reads speaker lines', () => {
    expect(speakersFromLine('Speaker: Jane Doe (Acme)')).toEqual(['Jane Doe']);
    expect(speakersFromLine('Speakers: Ann Lee, Bob Stone')).toEqual(['Ann Lee', 'Bob Stone']);
    expect(speakersFromLine('by John Smith')).toEqual(['John Smith']);
    expect(speakersFromLine('Speakers: the whole team')).toBeNull();
    expect(speakersFromLine('Notes taken quickly')).toBeNull();
  });

  it('reads "Presented by Ann Lee and Bob Stone" as a speaker line', () => {
    expect(speakersFromLine('Presented by Ann Lee and Bob Stone')).toEqual(['Ann Lee', 'Bob Stone']);
  });
});
