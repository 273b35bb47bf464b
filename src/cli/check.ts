/**
 * @module cli/check
 * `talkgraph check`: prints every diagnostic as `path:line:col severity code
 * message`; exits 1 when any is an ERROR, so it can gate a CI job.
 */

import type { Severity } from '../diagnostics.js';
import { formatDiagnostic } from '../diagnostics.js';
import { indexContent } from '../indexing/indexer.js';
import { contentOptions, contentRoot, parse } from './options.js';

export const USAGE = `usage: talkgraph check [--content DIR] [--severity ERROR|WARNING|INFO] [--json] [--no-catalogue]

Prints diagnostics at or above the given severity (default INFO: all).
Exits 1 when there is any ERROR.
`;

const RANK: Record<Severity, number> = { ERROR: 0, WARNING: 1, INFO: 2 };

export async function run(argv: string[]): Promise<number> {
  const parsed = parse(
    argv,
    {
      ...contentOptions,
      severity: { type: 'string' },
      json: { type: 'boolean' },
    },
    { name: 'check', usage: USAGE },
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const wanted = (values.severity ?? 'INFO').toUpperCase();
  if (!(wanted in RANK)) {
    process.stderr.write(
      `talkgraph check: --severity must be ERROR, WARNING or INFO, not "${values.severity}"\n`,
    );
    return 2;
  }
  const { data } = await indexContent({
    root: contentRoot(values.content),
    catalogue: !values['no-catalogue'],
  });
  const shown = data.diagnostics.filter((d) => RANK[d.severity] <= RANK[wanted as Severity]);
  if (values.json) process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
  else for (const d of shown) process.stdout.write(`${formatDiagnostic(d)}\n`);
  const errors = data.diagnostics.filter((d) => d.severity === 'ERROR').length;
  const warnings = data.diagnostics.filter((d) => d.severity === 'WARNING').length;
  process.stderr.write(
    `${errors} errors, ${warnings} warnings, ${data.diagnostics.length - errors - warnings} infos\n`,
  );
  return errors > 0 ? 1 : 0;
}
