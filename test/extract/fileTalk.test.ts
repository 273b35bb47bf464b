/**
 * fileTalk: the whole file weighed as one talk, its title and its speakers.
 */
import { describe, expect, it } from 'vitest';
import { fileNameTitle, fileTalk } from '../../src/extract/fileTalk.js';
import { parseMarkdown } from '../../src/parse/markdown.js';

function weigh(body: string, path = 'notes/talk.md', conference = true) {
  return fileTalk(parseMarkdown(body, 1).blocks, null, path, conference);
}

describe('fileTalk', () => {
  it('takes "# Title / ## Speaker" notes of a known event as one talk', () => {
    const t = weigh('# Devpi for Teams\n## Graham Williamson\n\n* notes\n');
    expect(t.title).toBe('Devpi for Teams');
    expect(t.speakers).toEqual([{ name: 'Graham Williamson', affiliation: null }]);
    expect(t.decision.talk).toBe(true);
  });

  it('keeps a role and company out of the speaker name', () => {
    const t = weigh('CON310 - Breaking Containers\n\nAdrian Cockcroft - VP Cloud Architecture, Amazon\n');
    expect(t.title).toBe('Breaking Containers');
    expect(t.speakers).toEqual([{ name: 'Adrian Cockcroft', affiliation: 'VP Cloud Architecture, Amazon' }]);
  });

  it('takes the title from the file name when the first line only names the speaker', () => {
    const t = weigh('Brad Green\n\n1.3 million users.\n', 'notes/day-1-keynote.md');
    expect(t.title).toBe('day 1 keynote');
    expect(t.speakers.map((s) => s.name)).toEqual(['Brad Green']);
    expect(t.decision.talk).toBe(true);
  });

  it('refuses a report of a day, and a file without speaker or event', () => {
    expect(weigh('# OSCON EU - Day 1\n\nJane Doe\n').decision.talk).toBe(false);
    expect(
      weigh('# Action Items\n\n## Observability\n', 'general/Action_Items.md', false).decision.talk,
    ).toBe(false);
  });
});

describe('fileNameTitle', () => {
  it('turns dashes and underscores into spaces and drops the extension', () => {
    expect(fileNameTitle('a/b/open_source_in-the-era.md')).toBe('open source in the era');
  });
});
