/**
 * The `talkgraph` command as users run it: every test spawns `node
 * bin/talkgraph.js ...` from the repository root and checks the exit code and
 * what is printed. The bundled content/ is the main corpus; test/fixtures/cli
 * is a small root with a conference, a good post (a far-future date and a link
 * to an unknown repository, acme/kube-janitor), a post whose TOML front matter
 * is malformed at line 4 column 9, and a registry tool. Commands that write
 * (suggest-tools --write) only ever run on a temporary copy of that root.
 * Spawns cost about a second each; they run one after another to stay within two cores.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, it } from 'vitest';
import { LINK_KINDS } from '../src/graph/types.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(REPO, 'bin', 'talkgraph.js');
const CONTENT = join(REPO, 'content');
const FIXTURE = join(REPO, 'test', 'fixtures', 'cli');
const BUNDLED_POST = 'posts/2018-05-kubecon-europe.md';

const temporaryDirs: string[] = [];

afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

function temporaryDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'talkgraph-cli-'));
  temporaryDirs.push(dir);
  return dir;
}

/** A private copy of the fixture root, for commands that write into it. */
function fixtureCopy(): string {
  const root = join(temporaryDir(), 'content');
  cpSync(FIXTURE, root, { recursive: true });
  return root;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/talkgraph.js ...args` from the repository root. */
function talkgraph(...args: string[]): Promise<Run> {
  const env = { ...process.env };
  delete env.TALKGRAPH_CONTENT;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`talkgraph ${args.join(' ')} did not finish in 60 s\n${stderr}`));
    }, 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Parses stdout as JSON, showing the whole run when it is not. */
function json<T>(run: Run): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.code})\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  }
}

const STACK_FRAME = /^\s+at .+/m;

interface IndexJson {
  counts: Record<string, unknown>;
  conferences: Record<string, unknown>[];
  talks: {
    title: unknown;
    slug: unknown;
    conference: unknown;
    youtubeId: unknown;
    videoUrl: unknown;
    tools: unknown[];
    topics: unknown[];
    links: Record<string, unknown>[];
    path: unknown;
    line: unknown;
  }[];
  tools: { name: unknown; slug: unknown; inferred: unknown; talkCount: unknown }[];
  diagnostics: Record<string, unknown>[];
}

describe('talkgraph index', () => {
  it('summarises the bundled content: 1 conference, 7 talks and the top tools with gVisor', async ({
    expect,
  }) => {
    const run = await talkgraph('index', '--content', CONTENT);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\b1 conferences?\b/);
    expect(run.stdout).toMatch(/\b7 talks\b/);
    expect(run.stdout).toContain('KubeCon + CloudNativeCon Europe 2018');
    const top = run.stdout.split('\n').find((line) => line.startsWith('Top tools:'));
    expect(top).toBeDefined();
    expect(top).toMatch(/\bgVisor \(2\)/);
    expect(top).toMatch(/\bKubernetes \(3\)/);
  });

  it('prints the whole index as JSON with a stable shape and the bundled values (--json)', async ({
    expect,
  }) => {
    const run = await talkgraph('index', '--json', '--content', CONTENT);
    expect(run.code).toBe(0);
    const index = json<IndexJson>(run);
    expect(Object.keys(index)).toEqual(
      expect.arrayContaining(['counts', 'conferences', 'talks', 'tools', 'diagnostics']),
    );

    // counts: integers that agree with the lists.
    for (const key of ['conferences', 'talks', 'tools', 'topics', 'links']) {
      expect(Number.isInteger(index.counts[key]), `counts.${key}`).toBe(true);
    }
    expect(index.counts).toMatchObject({
      conferences: index.conferences.length,
      talks: index.talks.length,
      tools: index.tools.length,
    });
    expect(index.counts.conferences).toBe(1);
    expect(index.counts.talks).toBe(7);
    expect(index.counts.links as number).toBeGreaterThan(0);
    expect(index.counts.topics as number).toBeGreaterThan(0);

    // conferences
    expect(index.conferences).toHaveLength(1);
    expect(index.conferences[0]).toMatchObject({
      name: 'KubeCon + CloudNativeCon Europe 2018',
      slug: 'kubecon-cloudnativecon-europe-2018',
      year: 2018,
      location: 'Copenhagen, Denmark',
      startDate: '2018-05-02',
      endDate: '2018-05-04',
      playlistUrl: 'https://www.youtube.com/playlist?list=PLj6h78yzYM2N8GdbjmhVU65KYm_68qBmo',
    });

    // talks: types of every field, then the bundled values.
    const post = readFileSync(join(CONTENT, BUNDLED_POST), 'utf8').split('\n');
    const headingLine = (title: string) => post.findIndex((l) => l.trim() === `## ${title}`) + 1;
    for (const talk of index.talks) {
      expect(typeof talk.title).toBe('string');
      expect(typeof talk.slug).toBe('string');
      expect(talk.slug).toMatch(/^[a-z0-9-]+$/);
      expect(talk.conference).toBe('KubeCon + CloudNativeCon Europe 2018');
      expect(talk.youtubeId).toMatch(/^[\w-]{11}$/);
      expect(talk.videoUrl).toBe(`https://www.youtube.com/watch?v=${talk.youtubeId}`);
      expect(Array.isArray(talk.tools)).toBe(true);
      for (const tool of talk.tools) expect(typeof tool).toBe('string');
      expect(Array.isArray(talk.topics)).toBe(true);
      for (const topic of talk.topics) expect(typeof topic).toBe('string');
      expect(talk.links.length).toBeGreaterThan(0);
      for (const link of talk.links) {
        expect(Object.keys(link)).toEqual(expect.arrayContaining(['url', 'kind', 'label']));
        expect(() => new URL(link.url as string)).not.toThrow();
        expect(LINK_KINDS).toContain(link.kind);
        expect(link.label === null || typeof link.label === 'string').toBe(true);
      }
      expect(talk.links).toContainEqual(expect.objectContaining({ url: talk.videoUrl, kind: 'VIDEO' }));
      expect(talk.path).toBe(BUNDLED_POST);
      expect(Number.isInteger(talk.line)).toBe(true);
      expect(talk.line as number).toBeGreaterThan(0);
      expect(talk.line, `line of "${talk.title}"`).toBe(headingLine(talk.title as string));
    }
    expect(index.talks.map((t) => t.title)).toEqual([
      'Anatomy of a Production Kubernetes Outage',
      'Cloud Native Landscape Intro',
      'Accelerating Kubernetes Native Applications',
      'Kubernetes Project Update',
      'The Challenges of Migrating 150+ microservices',
      'Container-Native dev and ops experience',
      'Container Native observability & security from Google Cloud',
    ]);
    expect(index.talks[0]?.youtubeId).toBe('OUYTNywPk-s');
    expect(index.talks[0]?.line).toBe(25);
    expect(index.talks[3]?.tools).toEqual(expect.arrayContaining(['gVisor', 'Skaffold', 'Prometheus']));
    expect(index.talks[1]?.links).toContainEqual({
      url: 'https://github.com/cncf/landscape',
      kind: 'REPOSITORY',
      label: 'Github Link',
    });

    // tools
    expect(index.tools.length).toBeGreaterThan(0);
    for (const tool of index.tools) {
      expect(typeof tool.name).toBe('string');
      expect(typeof tool.slug).toBe('string');
      expect(typeof tool.inferred).toBe('boolean');
      expect(Number.isInteger(tool.talkCount)).toBe(true);
    }
    expect(index.tools).toContainEqual(
      expect.objectContaining({ name: 'gVisor', slug: 'gvisor', inferred: false, talkCount: 2 }),
    );

    // diagnostics: the one implausible date of the bundled post.
    for (const d of index.diagnostics) {
      expect(typeof d.code).toBe('string');
      expect(['ERROR', 'WARNING', 'INFO']).toContain(d.severity);
      expect(typeof d.path).toBe('string');
      expect(Number.isInteger(d.line)).toBe(true);
      expect(typeof d.message).toBe('string');
    }
    expect(index.diagnostics).toEqual([
      expect.objectContaining({
        code: 'DATE_IMPLAUSIBLE',
        severity: 'WARNING',
        path: BUNDLED_POST,
        line: 8,
        message: expect.stringContaining('3018-05-16'),
      }),
    ]);
  });

  it('fails in one line naming the folder when --content does not exist', async ({ expect }) => {
    const missing = join(temporaryDir(), 'no-such-folder');
    for (const command of ['index', 'export']) {
      const run = await talkgraph(command, '--content', missing);
      expect(run.code, command).not.toBe(0);
      expect(run.code, command).not.toBeNull();
      expect(run.stdout, command).toBe('');
      expect(run.stderr, command).toContain(missing);
      expect(run.stderr.trimEnd().split('\n'), command).toHaveLength(1);
      expect(run.stderr, command).not.toMatch(STACK_FRAME);
    }
  });
});

describe('talkgraph check', () => {
  it('prints the bundled warning as path:line:col and exits 0', async ({ expect }) => {
    const run = await talkgraph('check', '--content', CONTENT);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^posts\/2018-05-kubecon-europe\.md:8:1 warning DATE_IMPLAUSIBLE .*3018-05-16/m,
    );
    expect(run.stderr).toMatch(/0 errors, 1 warnings/);
  });

  it('exits 1 on malformed TOML front matter, pointing at its line and column, and still reports the good files', async ({
    expect,
  }) => {
    const run = await talkgraph('check', '--content', FIXTURE);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    // `venue = Lisbon` on line 4: the unquoted value starts at column 9.
    expect(lines).toContainEqual(
      expect.stringMatching(/^posts\/2021-06-broken\.md:4:9 error FRONTMATTER_INVALID TOML front matter/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^posts\/2021-05-democonf\.md:4:1 warning DATE_IMPLAUSIBLE .*3021-05-06/),
    );
    expect(run.stderr).toMatch(/1 errors, 1 warnings/);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('shows only errors with --severity ERROR', async ({ expect }) => {
    const run = await talkgraph('check', '--severity', 'ERROR', '--content', FIXTURE);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^posts\/2021-06-broken\.md:4:9 error FRONTMATTER_INVALID /m);
    expect(run.stdout).not.toMatch(/ warning | info /);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('rejects an unknown --severity with exit 2', async ({ expect }) => {
    const run = await talkgraph('check', '--severity', 'LOUD', '--content', CONTENT);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--severity must be ERROR, WARNING or INFO.*LOUD/);
  });

  it('treats an unknown option as a usage error: exit 2 with its usage, not 1 like content errors', async ({
    expect,
  }) => {
    // check gates CI on exit 1; a typo in its options must not look like a content error.
    const run = await talkgraph('check', '--severty', 'ERROR', '--content', CONTENT);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--severty');
    expect(run.stderr).toContain('usage: talkgraph check');
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('talkgraph usage', () => {
  it('exits 2 with the usage on an unknown command', async ({ expect }) => {
    const run = await talkgraph('frobnicate');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command "frobnicate"');
    expect(run.stderr).toContain('usage: talkgraph <command>');
    for (const command of ['serve', 'index', 'check', 'schema', 'export', 'tools', 'suggest-tools']) {
      expect(run.stderr).toMatch(new RegExp(`^ {2}${command} `, 'm'));
    }
  });

  it('prints the usage of every command with --help and exits 0', async ({ expect }) => {
    const commands = ['serve', 'index', 'check', 'schema', 'export', 'tools', 'suggest-tools'];
    const runs = await Promise.all(commands.map((command) => talkgraph(command, '--help')));
    commands.forEach((command, i) => {
      const run = runs[i] as Run;
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toMatch(new RegExp(`^usage: talkgraph ${command} `));
      expect(run.stderr, command).toBe('');
    });
  });
});

describe('talkgraph tools', () => {
  it('lists the mentioned tools with their source: gVisor from the registry (--mentioned)', async ({
    expect,
  }) => {
    const run = await talkgraph('tools', '--mentioned', '--content', CONTENT);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^TOOL\s+SOURCE\s+TALKS\s+ALIASES$/m);
    expect(run.stdout).toMatch(/^gVisor\s+REGISTRY\s+2\b/m);
    // --mentioned leaves out the tools no talk names.
    const rows = run.stdout
      .split('\n')
      .map((line) => /^(.+?)\s{2,}(CATALOGUE|REGISTRY|INFERRED)\s+(\d+)\b/.exec(line))
      .filter((m) => m !== null);
    expect(rows.length).toBeGreaterThan(0);
    expect(run.stdout).toMatch(new RegExp(`^${rows.length} tools$`, 'm'));
    for (const row of rows) expect(Number(row[3]), row[1]).toBeGreaterThan(0);
  });

  it('lists the built-in catalogue alone with --source CATALOGUE --json', async ({ expect }) => {
    const run = await talkgraph('tools', '--source', 'CATALOGUE', '--json', '--content', CONTENT);
    expect(run.code).toBe(0);
    const rows = json<{ name: unknown; slug: unknown; source: unknown; talkCount: unknown }[]>(run);
    expect(rows.length).toBeGreaterThan(500);
    expect(rows.every((r) => r.source === 'CATALOGUE')).toBe(true);
    expect(rows.every((r) => typeof r.name === 'string' && Number.isInteger(r.talkCount))).toBe(true);
    // gVisor is in the content registry, so it is not listed as a catalogue tool here.
    expect(rows.some((r) => r.slug === 'gvisor')).toBe(false);
  });
});

describe('talkgraph suggest-tools', () => {
  it('suggests a project known only from a repository link, with reason REPOSITORY', async ({ expect }) => {
    const run = await talkgraph('suggest-tools', '--content', FIXTURE);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^kube-janitor\s+REPOSITORY\s+1 talks\s+posts\/2021-05-democonf\.md:14$/m);
  });

  it('writes tools/<slug>.md in the content root, refuses to overwrite it, and the next index knows the tool', async ({
    expect,
  }) => {
    const root = fixtureCopy();
    const file = join(root, 'tools', 'kube-janitor.md');
    expect(existsSync(file)).toBe(false);

    const first = await talkgraph('suggest-tools', '--write', 'kube-janitor', '--content', root);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(file);
    const written = readFileSync(file, 'utf8');
    expect(written).toMatch(/^---\n/);
    expect(written).toMatch(/^name: "?kube-janitor"?$/m);
    expect(written).toMatch(/^repository: "?https:\/\/github\.com\/acme\/kube-janitor"?$/m);

    const second = await talkgraph('suggest-tools', '--write', 'kube-janitor', '--content', root);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('kube-janitor');
    expect(readFileSync(file, 'utf8')).toBe(written);

    const index = json<IndexJson>(await talkgraph('index', '--json', '--content', root));
    expect(index.tools).toContainEqual(
      expect.objectContaining({ name: 'kube-janitor', slug: 'kube-janitor', inferred: false, talkCount: 1 }),
    );
    // The repository's own fixture is untouched.
    expect(existsSync(join(FIXTURE, 'tools', 'kube-janitor.md'))).toBe(false);
  });
});

describe('talkgraph export', () => {
  it('writes GraphML as an XML document (--format graphml)', async ({ expect }) => {
    const run = await talkgraph('export', '--format', 'graphml', '--content', CONTENT);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('<?xml')).toBe(true);
    expect(run.stdout).toContain('<graphml');
    expect(run.stdout.trimEnd().endsWith('</graphml>')).toBe(true);
  });
});
