/**
 * cleanTitle: a talk title as a careful reader writes it, and the kind its
 * prefix or words give.
 */
import { describe, expect, it } from 'vitest';
import { cleanTitle, hasTimeRange, plainTitle } from '../../src/extract/talkTitle.js';

describe('cleanTitle', () => {
  it('turns a Keynote:, Workshop:, Panel: or Lightning talk: prefix into the kind', () => {
    expect(cleanTitle('Keynote: The Road Ahead')).toMatchObject({ title: 'The Road Ahead', kind: 'KEYNOTE' });
    expect(cleanTitle('Workshop: Hands-on eBPF')).toMatchObject({ title: 'Hands-on eBPF', kind: 'WORKSHOP' });
    expect(cleanTitle('Panel: Open Source Funding')).toMatchObject({ kind: 'PANEL' });
    expect(cleanTitle('Lightning talk: Five minutes of Rust')).toMatchObject({
      title: 'Five minutes of Rust',
      kind: 'LIGHTNING',
    });
  });

  it('keeps a title without prefix as a talk, and reads "Day 2 Keynote" as a keynote', () => {
    expect(cleanTitle('Schema Evolution - The Hard Parts')).toEqual({
      title: 'Schema Evolution - The Hard Parts',
      kind: 'TALK',
      speakers: [],
    });
    expect(cleanTitle('Day 2 Keynote').kind).toBe('KEYNOTE');
  });

  it('reads "Keynote - Jane Doe" as a keynote by Jane Doe', () => {
    expect(cleanTitle('Keynote - Werner Vogels')).toEqual({
      title: 'Keynote',
      kind: 'KEYNOTE',
      speakers: ['Werner Vogels'],
    });
  });

  it('drops quotes, markdown escapes, session codes and time ranges', () => {
    expect(cleanTitle('"Beyond Mocks"').title).toBe('Beyond Mocks');
    expect(cleanTitle('Rust conference \\- remote').title).toBe('Rust conference - remote');
    expect(cleanTitle('CON310 - Breaking Containers').title).toBe('Breaking Containers');
    expect(cleanTitle('Rust for AI 10:30am to 11:00am').title).toBe('Rust for AI');
  });
});

describe('hasTimeRange and plainTitle', () => {
  it('finds a time range only where clock times are written', () => {
    expect(hasTimeRange('From Blue Screens to Orange Crabs 9:15am to 9:45am')).toBe(true);
    expect(hasTimeRange('Go 1 to 2')).toBe(false);
  });

  it('strips emphasis marks but keeps underscores inside words', () => {
    expect(plainTitle('**Hablemos de voz**')).toBe('Hablemos de voz');
    expect(plainTitle('_Type Driven Development_')).toBe('Type Driven Development');
    expect(plainTitle('snake_case_names')).toBe('snake_case_names');
  });
});
