/**
 * Notes filed one talk a file in folders of an event's edition
 * (`google_io/2025/`, `aws/2019/`): a file with a title of its own, its
 * heading or its file name, is one talk even without a speaker line; a file
 * whose title is the folders' event, or whose name says it is a report, is not.
 */
import { describe, expect, it } from 'vitest';
import { fileTalk } from '../../src/extract/fileTalk.js';
import { parseMarkdown } from '../../src/parse/markdown.js';

function weigh(body: string, path: string) {
  return fileTalk(parseMarkdown(body, 1).blocks, null, path, true);
}

const NOTES = '- Open Models\n    - Gemma\n- Open Engine\n    - Ray\n';

describe('one talk a file', () => {
  it('takes a headed file in a folder of an event edition as one talk', () => {
    const t = weigh(`# Open Source in the Agentic Era\n\n${NOTES}`, 'google_io/2025/open_source.md');
    expect(t.decision.talk).toBe(true);
    expect(t.decision.explanation).toContain('eventFolder');
    expect(t.title).toBe('Open Source in the Agentic Era');
  });

  it('takes a file of bare notes as one talk named by its file name', () => {
    const t = weigh(NOTES, 'aws/2019/05_Stream_Processing_in_2019.md');
    expect(t.decision.talk).toBe(true);
    expect(t.title).toBe('Stream Processing in 2019');
  });

  it('needs the folder to name an edition, not only a topic', () => {
    expect(weigh(`# Open Source in the Agentic Era\n\n${NOTES}`, 'notes/open_source.md').decision.talk).toBe(
      false,
    );
  });

  it('refuses a file titled by the folders’ event or named a report', () => {
    expect(
      weigh(`# Open Repositories, 2024\n\n${NOTES}`, '2024_06_open_repositories/summary.md').decision.talk,
    ).toBe(false);
    expect(weigh(`# Thoughts on the week\n\n${NOTES}`, 'pyconau/2019/report.md').decision.talk).toBe(false);
  });
});

describe('fileNameTitle', () => {
  it('drops an order number or a date leading the file name', async () => {
    const { fileNameTitle } = await import('../../src/extract/fileTalk.js');
    expect(fileNameTitle('aws/2019/05_Stream_Processing_in_2019.md')).toBe('Stream Processing in 2019');
    expect(fileNameTitle('seminar/2015_12_Buchempfehlungen.md')).toBe('Buchempfehlungen');
    expect(fileNameTitle('talks/2019-recap.md')).toBe('2019 recap');
  });
});
