/**
 * A link whose text is the talk's own title names no speaker, however its
 * words are capitalised; a link text of a name followed by the title does.
 */
import { describe, expect, it } from 'vitest';
import { linkTextSpeaker } from '../../src/extract/proseSpeakers.js';

describe('link text as a speaker', () => {
  it('reads no speaker from link text that repeats the title', () => {
    const title = 'Rusty Ownership Tricks for Everyday Code';
    expect(linkTextSpeaker('Rusty Ownership Tricks for Everyday Code', title)).toBeNull();
    expect(
      linkTextSpeaker('Spring Boot Native Images Explained', 'Spring Boot Native Images Explained'),
    ).toBeNull();
  });

  it('reads the name that precedes the title in link text', () => {
    expect(linkTextSpeaker('Grace Hopper Rusty Ownership Tricks', 'Rusty Ownership Tricks')).toBe(
      'Grace Hopper',
    );
  });
});
