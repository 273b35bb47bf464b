/**
 * A one-word CamelCase tool name split in two ("Flame Graph" for FlameGraph,
 * "Event Mesh" for EventMesh) is most often two ordinary words in Title
 * Case: the split form counts only with evidence beyond its case, never in a
 * Title Case heading alone; the joined name counts as before.
 */
import { describe, expect, it } from 'vitest';
import { ToolIndex } from '../../src/extract/tools.js';
import { mentionedNames, toolModel } from '../helpers/toolModel.js';

const TOOLS = new ToolIndex([
  toolModel('FlameGraph', { topics: ['profiling'] }),
  toolModel('EventMesh', { topics: ['messaging'] }),
  toolModel('DataHub', { topics: ['metadata'] }),
  toolModel('Docker', { topics: ['containers'] }),
]);

const mentioned = (markdown: string) => mentionedNames(TOOLS, markdown);

describe('split spellings of one-word tool names', () => {
  it('are no tool in a Title Case heading or phrase alone', () => {
    expect(mentioned('## Flame Graph Basics\n\nWe read a Flame Graph and an Event Mesh diagram.\n')).toEqual(
      [],
    );
    expect(mentioned('### The Data Hub Team\n')).toEqual([]);
  });

  it('count with evidence beyond their case, and the joined name counts alone', () => {
    expect(mentioned('We run `Data Hub` beside Docker.\n')).toEqual(['DataHub', 'Docker']);
    expect(mentioned('We render stacks with FlameGraph.\n')).toEqual(['FlameGraph']);
  });
});
