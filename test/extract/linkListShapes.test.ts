/**
 * Watch lists of talks: the speaker inside the link text (`[Title | Jane
 * Doe](video)`, `[Title by Jane Doe](video)`), a bare link before the title
 * (`https://… - Title (Jane Doe)`) or after it (`Title - https://…`), and a
 * title with an abbreviation ("Quarkus vs. Micronaut") that is no sentence.
 */
import { describe, expect, it } from 'vitest';
import { readItem } from '../../src/extract/itemReading.js';
import { indexPosts } from '../helpers/indexText.js';

describe('link list items', () => {
  it('read the speaker inside the link text', () => {
    expect(
      readItem('[Spring Boot 3.2 in 45 minutes | Pieter de Vries](https://youtu.be/Cd5eF7gH9iJ)'),
    ).toMatchObject({ title: 'Spring Boot 3.2 in 45 minutes', speakers: ['Pieter de Vries'] });
    expect(readItem('[Virtual Threads deep dive by Elena Rossi](https://youtu.be/x)')).toMatchObject({
      title: 'Virtual Threads deep dive',
      speakers: ['Elena Rossi'],
    });
    expect(readItem('[Stand by Me](https://youtu.be/x)')).toMatchObject({
      title: 'Stand by Me',
      speakers: [],
    });
  });

  it('read the title beside a bare link, before or after it', () => {
    expect(
      readItem('https://youtu.be/Lm2nO4pQ6rS - GraalVM native images, the good parts (Yuki Tanaka)'),
    ).toMatchObject({
      title: 'GraalVM native images, the good parts',
      speakers: ['Yuki Tanaka'],
    });
    expect(readItem('Quarkus vs. Micronaut - https://www.youtube.com/watch?v=Uv8wX0yZ2aB')).toMatchObject({
      title: 'Quarkus vs. Micronaut',
      speakers: [],
    });
  });

  it('make each watch-list item a talk, and a bare link none', () => {
    const text = [
      '# Devoxx Belgium 2023 - my watch list',
      '',
      '* https://www.youtube.com/watch?v=aB3dE5fG7hJ',
      '* [Spring Boot 3.2 in 45 minutes | Pieter de Vries](https://youtu.be/Cd5eF7gH9iJ)',
      '* https://youtu.be/Lm2nO4pQ6rS - GraalVM native images, the good parts (Yuki Tanaka)',
      '* Quarkus vs. Micronaut - https://www.youtube.com/watch?v=Uv8wX0yZ2aB',
      '',
    ].join('\n');
    expect(indexPosts({ 'devoxx.md': text }).talks.map((t) => t.title)).toEqual([
      'Spring Boot 3.2 in 45 minutes',
      'GraalVM native images, the good parts',
      'Quarkus vs. Micronaut',
    ]);
  });
});
