/**
 * Every way the server is shipped to run (npm start, both images, the example
 * Deployment) passes the same Node flags, and the benchmarks start their
 * servers with them too: the figures are of the server as it is run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { nodeFlagsOf, serverNodeFlags } from '../bench/serveCommand.js';

/** Each `CMD [...]` of the Dockerfile that runs the server. */
function imageCommands(): string[][] {
  return readFileSync('Dockerfile', 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('CMD '))
    .map((line) => JSON.parse(line.slice('CMD '.length)) as string[])
    .filter((words) => words.includes('serve'));
}

/** The `args` of each container of the example Deployment. */
function deploymentCommands(): string[][] {
  const commands: string[][] = [];
  for (const document of parseAllDocuments(readFileSync('deploy/kubernetes.yaml', 'utf8'))) {
    const resource = document.toJS() as {
      kind?: string;
      spec?: { template?: { spec?: { containers?: { args?: string[] }[] } } };
    };
    if (resource.kind !== 'Deployment') continue;
    for (const container of resource.spec?.template?.spec?.containers ?? []) {
      if (container.args !== undefined) commands.push(container.args);
    }
  }
  return commands;
}

describe('the Node flags the server runs with', () => {
  it('are read from npm start: the words between node and bin/talkgraph.js', () => {
    expect(nodeFlagsOf(['node', '--a=1', '--b', 'bin/talkgraph.js', 'serve', '--port', '0'])).toEqual([
      '--a=1',
      '--b',
    ]);
    expect(nodeFlagsOf(['node', 'bin/talkgraph.js', 'serve'])).toEqual([]);
  });

  it('refuse a start script that does not run the server', () => {
    expect(() => nodeFlagsOf(['node', 'bin/talkgraph.js', 'index'])).toThrow(/serve/);
    expect(() => nodeFlagsOf(['tsx', 'src/cli/main.ts', 'serve'])).toThrow(/serve/);
  });

  it('give V8 a helper thread per core but one, not a fixed four', () => {
    expect(serverNodeFlags()).toContain('--v8-pool-size=0');
  });

  it('are the same in both images and the example Deployment as in npm start', () => {
    const flags = serverNodeFlags();
    const images = imageCommands();
    const deployment = deploymentCommands();
    // The replica and the default image; the one container of the Deployment.
    expect(images).toHaveLength(2);
    expect(deployment).toHaveLength(1);
    for (const command of [...images, ...deployment]) expect(nodeFlagsOf(command)).toEqual(flags);
  });
});
