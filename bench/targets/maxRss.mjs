// Preloaded with `node --import` into a benchmarked process: prints its peak
// resident set size on stderr as it exits, so a whole process can be measured
// without platform tools such as /usr/bin/time.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\ntalkgraph-bench-maxrss-kb ${process.resourceUsage().maxRSS}\n`);
});
