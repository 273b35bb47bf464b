// graphql-codegen: types for every operation of src/ from the server's printed schema, and the
// schema's introspection for Graphcache (interfaces such as Node need it to match fragments).
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: false,
        scalars: { Date: 'string' },
      },
    },
    'src/gql/introspection.json': {
      plugins: ['introspection'],
      config: { minify: true, descriptions: false },
    },
  },
};

export default config;
