/**
 * @module schema/diagnostic
 * `Diagnostic`: a problem the indexer found in the notes, and
 * `Query.diagnostics` to page through them by severity and path.
 */
import type { Severity as SeverityModel } from '../diagnostics.js';
import { textArg } from './args.js';
import { builder } from './builder.js';
import { connectionOfItems, DiagnosticConnection } from './connections.js';
import { DiagnosticRef } from './refs.js';

export const Severity = builder.enumType('Severity', {
  description: 'How serious a diagnostic is.',
  values: {
    ERROR: { value: 'ERROR', description: 'Something could not be read; part of a file was skipped.' },
    WARNING: {
      value: 'WARNING',
      description: 'Something was read but looks wrong (a date far in the future, say).',
    },
    INFO: { value: 'INFO', description: 'A decision worth knowing (a heading skipped as not a talk, say).' },
  } as const,
});

DiagnosticRef.implement({
  description: 'A problem found while indexing the notes, with the file and line to look at.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable code of the kind of problem; never renamed.' }),
    severity: t.field({ type: Severity, description: 'How serious it is.', resolve: (d) => d.severity }),
    path: t.exposeString('path', { description: 'File, relative to the content root, with `/` separators.' }),
    line: t.exposeInt('line', { description: '1-based line; 0 when the problem concerns the whole file.' }),
    column: t.int({
      nullable: true,
      description: '1-based column, where known.',
      resolve: (d) => d.column ?? null,
    }),
    message: t.exposeString('message', { description: 'What happened, why, and what to do about it.' }),
  }),
});

/** True when `path` is the diagnostic's file or a folder holding it. */
function underPath(file: string, path: string): boolean {
  const folder = path.replace(/\/+$/, '');
  return file === folder || file.startsWith(`${folder}/`);
}

builder.queryFields((t) => ({
  diagnostics: t.field({
    type: DiagnosticConnection,
    description: 'Problems found while indexing, in file order.',
    args: {
      ...t.arg.connectionArgs(),
      severity: t.arg({ type: Severity, required: false, description: 'Only diagnostics of this severity.' }),
      path: t.arg.string({
        required: false,
        description:
          'Only diagnostics of this file, or of the files under this folder (relative to the content root).',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const path = textArg('path', args.path) === '' ? null : (args.path as string).trim();
      const severity: SeverityModel | null = args.severity ?? null;
      const all = await ctx.loaders.diagnostics();
      const selected = all.filter(
        (d) => (severity === null || d.severity === severity) && (path === null || underPath(d.path, path)),
      );
      return connectionOfItems(selected, args);
    },
  }),
}));
