/**
 * HTTP statuses per the GraphQL-over-HTTP spec: a request error without
 * `data` is a 4xx for `application/graphql-response+json` clients, while
 * `application/json` clients keep their 200; a response with data is 200.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledGraph, type Client, clientFor } from './helpers/graphqlClient.js';

let client: Client;

beforeAll(async () => {
  client = clientFor(await bundledGraph(), undefined, { responseCache: false });
});

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

async function post(query: string, accept: string) {
  const response = await client.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: await response.json(),
  };
}

describe('HTTP statuses', () => {
  const requestErrors: [string, string][] = [
    ['a page over the cap', '{ talks(first: 101) { totalCount } }'],
    ['an unknown tool in a filter', '{ talks(filter: { tools: ["No Such Tool"] }) { totalCount } }'],
    ['an unknown field', '{ nope }'],
    ['a malformed cursor', '{ talks(after: "not-a-cursor") { totalCount } }'],
  ];
  for (const [name, query] of requestErrors) {
    it(`answers ${name} with 400 and no data to graphql-response+json clients`, async () => {
      const { status, type, body } = await post(query, GRAPHQL_RESPONSE);
      expect(status).toBe(400);
      expect(type).toContain(GRAPHQL_RESPONSE);
      expect(body).not.toHaveProperty('data');
      expect(body.errors.length).toBeGreaterThan(0);
      // The status travels in the HTTP line, not in the body.
      expect(body.errors[0].extensions?.http).toBeUndefined();
    });

    it(`answers ${name} with 200 and the errors to application/json clients`, async () => {
      const { status, type, body } = await post(query, 'application/json');
      expect(status).toBe(200);
      expect(type).toContain('application/json');
      expect(body).not.toHaveProperty('data');
      expect(body.errors.length).toBeGreaterThan(0);
    });
  }

  it('answers 200 when some data came back, even with a field error', async () => {
    const { status, body } = await post(
      '{ talks { totalCount } talk(slug: "kubernetes-project-update") { excerpt(length: 0) } }',
      GRAPHQL_RESPONSE,
    );
    expect(status).toBe(200);
    expect(body.data.talks.totalCount).toBe(7);
    expect(body.data.talk.excerpt).toBeNull();
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers 200 to a valid query', async () => {
    const { status, body } = await post('{ talks { totalCount } }', GRAPHQL_RESPONSE);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { talks: { totalCount: 7 } } });
  });
});
