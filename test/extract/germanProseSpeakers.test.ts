/**
 * German prose puts the presenting verb before its subject ("Die Keynote
 * hielt Dr. Petra Lange"): the person after "hielt" is the speaker, without
 * the academic title; a capitalised phrase that is no name is none.
 */
import { describe, expect, it } from 'vitest';
import { proseSpeakers } from '../../src/extract/proseSpeakers.js';

describe('speakers after a German presenting verb', () => {
  it('reads the person who held the talk', () => {
    expect(proseSpeakers('Die Keynote hielt Dr. Petra Lange (FSFE). Leider etwas zu lang.')).toEqual([
      'Petra Lange',
    ]);
  });

  it('reads no speaker from a phrase that is no name', () => {
    expect(proseSpeakers('Er hielt Kubernetes Security für wichtig.')).toEqual([]);
  });
});
