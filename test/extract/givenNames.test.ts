/**
 * The person-name test weighs a given name: after a first word that is no
 * common English word, a last word that is also a topic word is a surname
 * ("Doris Day", "Pete Best"); a word joined to a lower-case part
 * ("Workshop-artiger") is no part of a name, and topics stay no names.
 */
import { describe, expect, it } from 'vitest';
import { isPersonName } from '../../src/extract/speakers.js';

describe('person names with a given name', () => {
  it('takes a surname that is also a topic word after a given name', () => {
    expect(isPersonName('Doris Day')).toBe(true);
    expect(isPersonName('Pete Best')).toBe(true);
    expect(isPersonName('Jean-Luc Picard')).toBe(true);
  });

  it('refuses phrases of words and topics', () => {
    expect(isPersonName('Ein Workshop-artiger Vortrag')).toBe(false);
    expect(isPersonName('Machine Learning')).toBe(false);
    expect(isPersonName('Opening Day')).toBe(false);
    expect(isPersonName('Doris And')).toBe(false);
  });
});
