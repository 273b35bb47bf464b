/**
 * A lower-case ordinary word alone in brackets names a project only right
 * after a person's name ("Wes McKinney (pandas)"); elsewhere it is an aside
 * ("Coffee (espresso)", "(black) and white").
 */
import { describe, expect, it } from 'vitest';
import { ToolIndex } from '../../src/extract/tools.js';
import { mentionedNames, toolModel } from '../helpers/toolModel.js';

const TOOLS = new ToolIndex([
  toolModel('pandas', { topics: ['python'], ambiguous: true }),
  toolModel('Espresso', { topics: ['android'], ambiguous: true }),
  toolModel('Black', { topics: ['python'], ambiguous: true }),
  toolModel('Jupyter', { topics: ['python'] }),
  toolModel('Gradle', { topics: ['android'] }),
]);

const mentioned = (markdown: string) => mentionedNames(TOOLS, markdown);

describe('a word alone in brackets', () => {
  it('names the project of the person before it', () => {
    expect(mentioned('A keynote by Wes McKinney (pandas) on data frames in Jupyter.\n')).toEqual([
      'Jupyter',
      'pandas',
    ]);
  });

  it('is an aside anywhere else', () => {
    expect(mentioned('Coffee (espresso) kept the Gradle builds going.\n')).toEqual(['Gradle']);
    expect(mentioned('Jupyter slides were printed (black) and white.\n')).toEqual(['Jupyter']);
  });
});
