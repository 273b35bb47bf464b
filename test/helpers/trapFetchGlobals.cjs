// Preloaded (node --require) into a talkgraph process by test/serve-without-node-fetch.test.ts:
// node defines its fetch classes as globals that load node's fetch (undici) when first read. Each
// read is reported on stderr, with where it came from, before the class is handed out as usual.
for (const name of ['fetch', 'Request', 'Response', 'Headers', 'FormData', 'WebSocket', 'EventSource']) {
  const own = Object.getOwnPropertyDescriptor(globalThis, name);
  if (own?.get === undefined) continue;
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable: own.enumerable,
    get() {
      const where = new Error().stack?.split('\n').slice(2, 5).join(' <') ?? '';
      process.stderr.write(`node fetch global read: ${name} at ${where}\n`);
      return own.get.call(this);
    },
    set: own.set,
  });
}
