/**
 * @module schema/source
 * `Source`: the file and line an entity was defined at.
 */
import { SourceRef } from './refs.js';

SourceRef.implement({
  description: 'Where an entity was defined: a file of the content root and a line in it.',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Path relative to the content root, with `/` separators.' }),
    line: t.exposeInt('line', { description: '1-based line; 0 when the whole file defines the entity.' }),
  }),
});
