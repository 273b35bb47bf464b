/**
 * @module bench/corpus
 * Writes a synthetic corpus of conference notes for benchmarks: posts in
 * several front-matter formats, talks with videos, links and tool names in
 * prose. Deterministic for a given size (seeded), so runs compare.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TOOLS = [
  'Kubernetes',
  'Prometheus',
  'Grafana',
  'Envoy',
  'Istio',
  'Linkerd',
  'gVisor',
  'containerd',
  'Helm',
  'Terraform',
  'Jaeger',
  'OpenTelemetry',
  'Fluentd',
  'etcd',
  'CoreDNS',
  'Cilium',
  'Argo CD',
  'Tekton',
  'Knative',
  'Cloud Build',
  'Cloud Run',
  'BigQuery',
  'Kafka',
  'Redis',
  'PostgreSQL',
  'Vitess',
  'Falco',
  'OPA',
  'Skaffold',
  'Draft',
];
const WORDS =
  'the a we our team service cluster latency migration scale traffic deploy rollout observability security policy network storage cost reliability incident outage lesson learned pattern platform developer experience pipeline build release test data metrics logs traces budget capacity region zone failover'.split(
    ' ',
  );
const CONFERENCES = [
  'KubeCon Europe',
  'KubeCon North America',
  'GopherCon',
  'SREcon',
  'DevOpsDays',
  'QCon London',
];
const MONTHS = ['March', 'May', 'June', 'September', 'October', 'November'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function videoId(r: () => number): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  let id = '';
  for (let i = 0; i < 11; i++) id += chars[Math.floor(r() * chars.length)];
  return id;
}

function sentence(r: () => number, tools: string[]): string {
  const n = 8 + Math.floor(r() * 14);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    if (r() < 0.08) words.push(tools[Math.floor(r() * tools.length)] as string);
    else words.push(WORDS[Math.floor(r() * WORDS.length)] as string);
  }
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export function makePost(i: number): string {
  const r = rng(i + 1);
  const conf = CONFERENCES[i % CONFERENCES.length] as string;
  const year = 2016 + (i % 9);
  const month = MONTHS[i % MONTHS.length] as string;
  const title = `Notes from ${conf} ${year}`;
  const format = i % 3;
  const fm =
    format === 0
      ? `+++\ntitle = "${title}"\ndate = "${year}-05-16"\ntags = ["conference", "notes"]\n+++\n`
      : format === 1
        ? `---\ntitle: "${title}"\ndate: ${year}-05-16\ntags: [conference, notes]\n---\n`
        : `{\n  "title": "${title}",\n  "date": "${year}-05-16",\n  "tags": ["conference"]\n}\n`;
  const lines = [fm, `Talks I saw at ${conf} in Berlin, Germany from 2-4 ${month} ${year}.`, ''];
  const talks = 4 + Math.floor(r() * 5);
  for (let t = 0; t < talks; t++) {
    lines.push(`## Talk ${i}-${t}: ${sentence(r, TOOLS).slice(0, 50).replace(/\.$/, '')}`, '');
    lines.push(`- Video Link: https://www.youtube.com/watch?v=${videoId(r)}`);
    for (let b = 0; b < 3 + Math.floor(r() * 5); b++) lines.push(`- ${sentence(r, TOOLS)}`);
    if (r() < 0.5)
      lines.push(
        `- Github Link: https://github.com/example${Math.floor(r() * 50)}/project${Math.floor(r() * 200)}`,
      );
    if (r() < 0.5)
      lines.push(`- Blog post: https://blog.example.com/${year}/posts/${i}-${t}?utm_source=notes`);
    lines.push('', sentence(r, TOOLS), '');
  }
  return lines.join('\n');
}

/** Writes `count` posts under `dir/posts/` and returns the directory. */
export function writeCorpus(dir: string, count: number): string {
  const posts = join(dir, 'posts');
  mkdirSync(posts, { recursive: true });
  for (let i = 0; i < count; i++) {
    const sub = join(posts, String(Math.floor(i / 500)).padStart(3, '0'));
    if (i % 500 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `post-${String(i).padStart(5, '0')}.md`), makePost(i));
  }
  return dir;
}
