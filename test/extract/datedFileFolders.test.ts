/**
 * A dated file name in any folder (`meetings/2024-05-21-sync.md`) names no
 * event edition: the folders count for a one-talk file only when they name a
 * known series or hold a year's folder. A team's meeting notes stay no talk.
 */
import { describe, expect, it } from 'vitest';
import { fileTalk } from '../../src/extract/fileTalk.js';
import { eventFromPath } from '../../src/extract/pathEvidence.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { indexPosts } from '../helpers/indexText.js';

const AGENDA = [
  '# Platform team sync — 2024-05-21',
  '',
  'Attendees: Alex Turner, Priya Nair',
  '',
  '## Agenda',
  '',
  '- Alex Turner: queue migration status',
  '- Priya Nair: state cleanup',
  '',
].join('\n');

describe('folders over a dated file', () => {
  it('say how weakly they name an event', () => {
    expect(eventFromPath('meetings/2024-05-21-platform-sync.md', null, new Map()).evidence).toBe('datedFile');
    expect(eventFromPath('meetings/2024/sync.md', null, new Map()).evidence).toBe('yearFolder');
  });

  it('do not make a dated page one talk', () => {
    const t = fileTalk(parseMarkdown(AGENDA, 1).blocks, null, 'meetings/2024-05-21-platform-sync.md', false);
    expect(t.decision.explanation).not.toContain('eventFolder');
    expect(t.decision.talk).toBe(false);
  });

  it('leave a meeting agenda without talks', () => {
    expect(indexPosts({ 'meetings/2024-05-21-platform-sync.md': AGENDA }).talks).toEqual([]);
  });
});
