/**
 * @module schema/evidence
 * `Evidence`: the text a fact of the graph was read from.
 */
import { EvidenceRef } from './refs.js';

EvidenceRef.implement({
  description: 'The text a fact was read from, with its file and line: why the graph says what it says.',
  fields: (t) => ({
    path: t.exposeString('path', {
      description:
        "Path relative to the content root, with `/` separators; `catalogue/…` for talkgraph's own tool catalogue.",
    }),
    line: t.exposeInt('line', { description: '1-based line of the text.' }),
    text: t.exposeString('text', { description: 'The text itself, as written in the notes.' }),
  }),
});
