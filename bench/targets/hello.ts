/**
 * @module bench/targets/hello
 * Baseline: a GraphQL Yoga hello-world on node:http, the framework's own cost.
 */
import { createSchema, createYoga } from 'graphql-yoga';
import { listen } from './listen.js';

const yoga = createYoga({
  schema: createSchema({
    typeDefs: 'type Query { hello: String! }',
    resolvers: { Query: { hello: () => 'world' } },
  }),
  logging: false,
  graphiql: false,
});
listen(yoga);
