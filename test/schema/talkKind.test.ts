/**
 * Talk.kind and Speaker.affiliation over the API: a "Keynote:" prefix is the
 * talk's kind, and a role written with a speaker's name is their affiliation.
 */
import { describe, expect, it } from 'vitest';
import { indexFiles } from '../../src/indexing/indexer.js';
import { clientFor } from '../helpers/graphqlClient.js';

const POST = [
  '---',
  'title: Notes from DemoConf 2021',
  '---',
  '',
  '## Keynote: The Road Ahead',
  '',
  'Jane Doe - VP Engineering, Acme',
  '',
  'Video: https://www.youtube.com/watch?v=AAAAAAAAAAA',
  '',
  '## Scaling Queues - John Smith',
  '',
  'Video: https://www.youtube.com/watch?v=BBBBBBBBBBB',
  '',
].join('\n');

describe('talk kinds and speaker affiliations', () => {
  it('answers kind and affiliation from the notes', async () => {
    const data = indexFiles([{ path: 'posts/demo.md', role: 'post', text: POST, digest: 'x' }]);
    const response = await clientFor(data).query(
      '{ talks { edges { node { title kind speakers { name affiliation } } } } }',
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(response.data.talks.edges.map((e: { node: unknown }) => e.node)).toEqual([
      {
        title: 'The Road Ahead',
        kind: 'KEYNOTE',
        speakers: [{ name: 'Jane Doe', affiliation: 'VP Engineering, Acme' }],
      },
      { title: 'Scaling Queues', kind: 'TALK', speakers: [{ name: 'John Smith', affiliation: null }] },
    ]);
  });
});
