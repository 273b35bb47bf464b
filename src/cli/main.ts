/**
 * @module cli/main
 * The `talkgraph` command: dispatches to one module per sub-command. Each
 * command module exports `run(argv)` and resolves to the process exit code.
 */

type Command = {
  describe: string;
  load: () => Promise<{ run: (argv: string[]) => Promise<number> }>;
};

const commands: Record<string, Command> = {
  serve: { describe: 'serve the graph over GraphQL with GraphiQL', load: () => import('./serve.js') },
  index: {
    describe: 'index the content and print a summary (or --json)',
    load: () => import('./indexCommand.js'),
  },
  build: {
    describe: 'index once and write the graph as a snapshot for serve --snapshot',
    load: () => import('./build.js'),
  },
  check: { describe: 'print diagnostics; exit 1 when any is an ERROR', load: () => import('./check.js') },
  schema: { describe: 'print the GraphQL schema (SDL)', load: () => import('./schema.js') },
  export: { describe: 'export the graph as json, graphml, dot or cypher', load: () => import('./export.js') },
  tools: { describe: 'list the known tools and where each comes from', load: () => import('./tools.js') },
  'suggest-tools': {
    describe: 'list terms that look like unknown tools',
    load: () => import('./suggestTools.js'),
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(14)} ${c.describe}`);
  return `usage: talkgraph <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun talkgraph <command> --help for its options.\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (command === undefined) {
    process.stderr.write(`talkgraph: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const module = await command.load();
  return module.run(rest);
}

// Output piped into `head` closes early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    // `serve` keeps the process alive on its own; every other command ends here.
    if (code !== -1) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`talkgraph: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
