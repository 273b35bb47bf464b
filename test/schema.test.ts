/**
 * The GraphQL schema: schema.graphql at the repository root is what
 * `talkgraph schema` prints (so it cannot drift from the code), every type
 * and field is described (GraphiQL's docs are a user's first manual), and the
 * names the specification fixes are all there.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';

const run = promisify(execFile);
const talkgraph = (...args: string[]) =>
  run(process.execPath, ['bin/talkgraph.js', ...args], { encoding: 'utf8' });

// Schema objects are walked by duck typing rather than with graphql's helpers: under the test
// runner the schema (built through Pothos) and this file may hold two different copies of graphql.
interface Described {
  name: string;
  description?: string | null;
}
interface FieldLike extends Described {
  args?: readonly Described[];
}
type TypeLike = Described & {
  getFields?: () => Record<string, FieldLike>;
  getValues?: () => readonly Described[];
};

function namedTypes(): TypeLike[] {
  return Object.values(schema.getTypeMap() as Record<string, TypeLike>).filter(
    (type) => !type.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name),
  );
}

function fieldsOf(typeName: string): string[] {
  const type = (schema.getTypeMap() as Record<string, TypeLike>)[typeName];
  expect(type, `type ${typeName}`).toBeDefined();
  return Object.keys(type?.getFields?.() ?? {});
}

describe('schema.graphql', () => {
  it('is exactly what `talkgraph schema` prints (run `npm run schema` when this fails)', async () => {
    const [{ stdout }, file] = await Promise.all([talkgraph('schema'), readFile('schema.graphql', 'utf8')]);
    expect(stdout.length).toBeGreaterThan(1000);
    expect(file, 'schema.graphql is out of date: run `npm run schema` and commit the result').toBe(stdout);
  });

  it('is written to a file by `talkgraph schema --out FILE`', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'talkgraph-schema-'));
    try {
      const out = join(dir, 'schema.graphql');
      const { stdout } = await talkgraph('schema', '--out', out);
      expect(stdout).toBe('');
      expect(await readFile(out, 'utf8')).toBe(await readFile('schema.graphql', 'utf8'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the schema', () => {
  it('describes every type, field, argument, enum value and input field', () => {
    const missing: string[] = [];
    const check = (where: string, item: Described) => {
      if (!item.description?.trim()) missing.push(where);
    };
    for (const type of namedTypes()) {
      check(type.name, type);
      for (const field of Object.values(type.getFields?.() ?? {})) {
        check(`${type.name}.${field.name}`, field);
        for (const arg of field.args ?? []) check(`${type.name}.${field.name}(${arg.name})`, arg);
      }
      for (const value of type.getValues?.() ?? []) check(`${type.name}.${value.name}`, value);
    }
    expect(missing).toEqual([]);
  });

  it('has every name the specification fixes', () => {
    const expectFields = (type: string, names: string[]) =>
      expect(fieldsOf(type)).toEqual(expect.arrayContaining(names));
    expectFields('Query', [
      'node',
      'nodes',
      'conferences',
      'talks',
      'tools',
      'topics',
      'links',
      'speakers',
      'conference',
      'talk',
      'tool',
      'topic',
      'speaker',
      'link',
      'diagnostics',
      'stats',
    ]);
    expectFields('Node', ['id']);
    expectFields('Talk', [
      'id',
      'title',
      'slug',
      'conference',
      'videoUrl',
      'youtubeId',
      'videoStart',
      'thumbnailUrl',
      'speakers',
      'summary',
      'notes',
      'tools',
      'toolMentions',
      'topics',
      'links',
      'relatedTalks',
      'source',
      'date',
    ]);
    expectFields('Tool', [
      'id',
      'name',
      'slug',
      'aliases',
      'description',
      'repositoryUrl',
      'websiteUrl',
      'inferred',
      'source',
      'talks',
      'talkCount',
      'conferences',
      'topics',
      'relatedTools',
    ]);
    expectFields('Conference', [
      'id',
      'name',
      'slug',
      'year',
      'location',
      'startDate',
      'endDate',
      'url',
      'playlistUrl',
      'talks',
      'tools',
      'topics',
      'source',
    ]);
    expectFields('Topic', ['id', 'name', 'slug', 'talks', 'tools']);
    expectFields('Speaker', ['id', 'name', 'slug', 'talks']);
    expectFields('Link', ['id', 'url', 'kind', 'label', 'host', 'youtubeId', 'talks']);
    expectFields('ToolMention', ['tool', 'via', 'evidence']);
    expectFields('Source', ['path', 'line']);
    expectFields('Evidence', ['path', 'line', 'text']);
    expectFields('RelatedTalk', ['talk', 'score', 'sharedTools', 'sharedTopics']);
    expectFields('Stats', [
      'conferences',
      'talks',
      'tools',
      'topics',
      'speakers',
      'links',
      'videos',
      'diagnostics',
      'topTools',
    ]);
    expectFields('TalkFilter', ['tool', 'topic', 'conference', 'speaker', 'year', 'hasVideo', 'query']);
    expectFields('ToolFilter', ['query', 'topic', 'inferred', 'source', 'minTalks']);
    expectFields('TalkConnection', ['edges', 'pageInfo', 'totalCount']);
    const values = (name: string) =>
      ((schema.getTypeMap() as Record<string, TypeLike>)[name]?.getValues?.() ?? []).map((v) => v.name);
    expect(values('ToolSource').sort()).toEqual(['CATALOGUE', 'INFERRED', 'REGISTRY']);
    expect(values('Severity').sort()).toEqual(['ERROR', 'INFO', 'WARNING']);
    expect(values('MentionVia')).toEqual(expect.arrayContaining(['NAME', 'ALIAS', 'REPOSITORY', 'WEBSITE']));
    expect(values('TalkOrder')).toEqual(expect.arrayContaining(['FILE', 'TITLE', 'DATE']));
    expect(values('ToolOrder')).toEqual(expect.arrayContaining(['TALK_COUNT', 'NAME']));
    expect(values('LinkKind')).toEqual(expect.arrayContaining(['VIDEO', 'PLAYLIST', 'REPOSITORY']));
  });

  it('gives every connection field the connection arguments', () => {
    for (const [typeName, field] of [
      ['Query', 'talks'],
      ['Query', 'diagnostics'],
      ['Tool', 'talks'],
      ['Conference', 'talks'],
      ['Topic', 'talks'],
      ['Speaker', 'talks'],
      ['Link', 'talks'],
    ] as const) {
      const type = (schema.getTypeMap() as Record<string, TypeLike>)[typeName];
      const args = (type?.getFields?.()[field]?.args ?? []).map((a) => a.name);
      expect(args, `${typeName}.${field}`).toEqual(
        expect.arrayContaining(['first', 'after', 'last', 'before']),
      );
    }
  });
});
