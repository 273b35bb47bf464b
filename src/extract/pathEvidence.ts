/**
 * @module extract/pathEvidence
 * The event a post's folders name, as people file notes: `pyconau/2019/`,
 * `OSCONEU-2015/`, `2025_09_rust_conference/`, a repository called
 * `AWS-reinvent-2018`. The content root's own folder name counts, since a
 * user points talkgraph at their notes folder.
 */
import { type SeriesIndex, seriesInWords } from './conferences.js';

export interface PathEvent {
  name: string | null;
  year: number | null;
  /**
   * How the folders name the event: a known series, a folder holding a year's folder (`pyconau/2019/`),
   * a folder dated in its own name (`2026-ARCtic`), or any folder over a dated file name (the weakest:
   * `meetings/2024-05-21-sync.md` is as likely an agenda). Null when no event is named.
   */
  evidence: 'series' | 'yearFolder' | 'datedFolder' | 'datedFile' | null;
}

const YEAR = /^(?:19|20)\d{2}$/;
// Folder words that say nothing about an event.
const GENERIC =
  /^(?:posts?|blog|notes?|content|docs?|src|public|talks?|files|misc|archive|images?|general|conferences|events|day\d*|index|md|the|and|of|\d{1,2}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)$/i;

function words(segment: string): string[] {
  return segment
    .replace(/^[^_]+__/, '')
    .replace(/([a-z])([A-Z]{2,})/g, '$1 $2')
    .split(/[-_.\s]+/)
    .filter((w) => w !== '');
}

/** The event and year a post's path (and the content root's name) give, deepest folder first. */
export function eventFromPath(path: string, rootName: string | null, series: SeriesIndex): PathEvent {
  const parts = path.split('/');
  const folders = parts.slice(0, -1);
  const segments = rootName === null ? folders : [rootName, ...folders];
  // "chaosseminar/2015_11_Lightning.md": a file named by its date dates the folder's event.
  const fileYear = /^((?:19|20)\d{2})(?:[-_.]\d{1,2})?[-_.]/.exec(parts[parts.length - 1] ?? '')?.[1];
  let name: string | null = null;
  let evidence: PathEvent['evidence'] = null;
  let year: number | null = fileYear === undefined ? null : Number(fileYear);
  for (let i = segments.length - 1; i >= 0; i--) {
    const w = words(segments[i] as string);
    const segmentYear = w.find((x) => YEAR.test(x));
    year ??= segmentYear === undefined ? null : Number(segmentYear);
    if (name !== null) continue;
    const known = seriesInWords(
      w.filter((x) => !YEAR.test(x)),
      series,
    );
    if (known !== null) {
      name = known;
      evidence = 'series';
      continue;
    }
    const named = w.filter((x) => !GENERIC.test(x) && !YEAR.test(x) && /\p{L}/u.test(x));
    if (named.length === 0 || named.length > 4) continue;
    // "pyconau/2019/": a folder holding a year's folder names the series; "2026-ARCtic": a dated folder the event.
    // The content root's own name is too often "conference-notes" to name an event from a dated file.
    const datedFile = fileYear !== undefined && i === segments.length - 1 && i >= (rootName === null ? 0 : 1);
    const next = segments[i + 1];
    if ((next !== undefined && YEAR.test(next)) || segmentYear !== undefined || datedFile) {
      name = named.join(' ');
      evidence =
        next !== undefined && YEAR.test(next)
          ? 'yearFolder'
          : segmentYear !== undefined
            ? 'datedFolder'
            : 'datedFile';
    }
  }
  return { name, year, evidence };
}
