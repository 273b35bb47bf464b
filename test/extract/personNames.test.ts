/**
 * The person-name test behind every speaker reading: name particles do not
 * count towards a name's length, and product-like words (inner capitals,
 * acronyms) make a phrase no person's name, whatever its position in a line.
 */
import { describe, expect, it } from 'vitest';
import { readItem } from '../../src/extract/itemReading.js';
import { isPersonName, parseTalkHeading } from '../../src/extract/speakers.js';

describe('isPersonName', () => {
  it('accepts a long name whose extra words are particles', () => {
    expect(isPersonName('Felipe dos Santos de Morais')).toBe(true);
    expect(isPersonName('Ludwig van Beethoven')).toBe(true);
  });

  it('accepts surnames with an inner capital after a surname prefix', () => {
    expect(isPersonName('Wes McKinney')).toBe(true);
    expect(isPersonName('Leonardo DiCaprio')).toBe(true);
  });

  it('refuses phrases holding a product word or an acronym', () => {
    expect(isPersonName('Evaluate VisualStudio Code IDE')).toBe(false);
    expect(isPersonName('Try GitHub Actions')).toBe(false);
    expect(isPersonName('Use AWS Lambda')).toBe(false);
  });

  it('refuses a short sentence ending in a full stop, but not an initial', () => {
    expect(isPersonName('Ein Dutzend Bücher.')).toBe(false);
    expect(isPersonName('Martin Luther King Jr.')).toBe(true);
  });

  it('refuses Title Case topics that read like two names', () => {
    expect(isPersonName('Machine Learning')).toBe(false);
    expect(isPersonName('Service Mesh')).toBe(false);
    expect(isPersonName('Distributed Systems')).toBe(false);
    expect(isPersonName('Grace Hopper')).toBe(true);
  });

  it('refuses more than four name words', () => {
    expect(isPersonName('Alpha Beta Gamma Delta Epsilon')).toBe(false);
  });
});

describe('speakers read with the name test', () => {
  it('reads a bold speaker with particles before an emphasised title', () => {
    const item = readItem(
      '**Felipe dos Santos de Morais** - _AfroPython: Empowering black people_: [video]()',
    );
    expect(item.speakers).toEqual(['Felipe dos Santos de Morais']);
    expect(item.title).toBe('AfroPython: Empowering black people');
  });

  it('keeps a to-do line with a dash whole: its left side names a product, not a person', () => {
    const parsed = parseTalkHeading('Evaluate VisualStudio Code IDE - strongly consider switching to VSCode');
    expect(parsed.speakers).toEqual([]);
  });
});
