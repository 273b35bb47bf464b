/**
 * @module extract/toolNames
 * The names a tool is written by besides its catalogue names: other
 * spellings of the same name ("VertexAI", "Docker hub", "Open VMM",
 * "Well Architected Tool") and, for the products of a cloud's product line,
 * the name without the vendor ("Kinesis" for Amazon Kinesis, "IAM" for
 * AWS IAM, "Functions" for Azure Functions). Notes write both all the time;
 * the catalogue lists only the names people agree on.
 */
import type { ToolModel } from '../graph/types.js';
import { tokenize } from './nameMatcher.js';

export interface ExtraName {
  name: string;
  /** Only the exact cased form matches ("Open VMM", not "open vmm"). */
  caseSensitive: boolean;
  /** The topic of the product line a short name needs named in the same talk ("aws"), else null. */
  line: string | null;
  /** An ordinary word without its vendor ("Arrow" of Apache Arrow): weighed like one (see extract/tools). */
  weak: boolean;
}

// Foundations and vendors whose projects go by their own name alone ("Zeppelin", "Hive", "Che").
const FAMILIES = ['Apache ', 'HashiCorp ', 'Eclipse '];

/**
 * Product lines whose products are named without the vendor once the talk is
 * about the vendor's cloud, by the topic every product of the line carries.
 * Longest prefix first: "Google Cloud Storage" is "Storage" of Google Cloud,
 * not "Cloud Storage" of Google.
 */
const PRODUCT_LINES: readonly { topic: string; platform: string; prefixes: readonly string[] }[] = [
  { topic: 'aws', platform: 'Amazon Web Services', prefixes: ['Amazon Web Services ', 'Amazon ', 'AWS '] },
  { topic: 'azure', platform: 'Microsoft Azure', prefixes: ['Microsoft Azure ', 'Azure '] },
  {
    topic: 'google-cloud',
    platform: 'Google Cloud',
    prefixes: ['Google Cloud Platform ', 'Google Cloud ', 'Google ', 'GCP '],
  },
];

// What is left of "AWS CLI", "Google Cloud SDK", "Azure Functions" names a kind of software, not a product.
const GENERIC = new Set([
  'ad',
  'api',
  'apis',
  'backup',
  'build',
  'cli',
  'code',
  'config',
  'console',
  'container registry',
  'deploy',
  'devops',
  'functions',
  'http server',
  'ide',
  'identity and access management',
  'key management service',
  'logging',
  'machine learning',
  'ml',
  'monitor',
  'monitoring',
  'openai',
  'organizations',
  'pipelines',
  'run',
  'scheduler',
  'sdk',
  'shell',
  'stack',
  'storage',
  'tasks',
  'trace',
  'vision',
  'web services',
  'workflows',
]);

const LETTERS = /^\p{L}+$/u;

/**
 * "Vertex AI" joined ("VertexAI", "vertexai"), "Well-Architected" with a
 * space, and "OpenVMM" split where its case changes ("Open VMM", cased as
 * written: "My SQL" in prose is not MySQL, so both parts need three letters).
 */
export function spellings(name: string): ExtraName[] {
  const out: ExtraName[] = [];
  const words = tokenize(name).filter((t) => t.raw !== '-');
  const letterWords = words.every((t) => LETTERS.test(t.raw));
  if (words.length >= 2 && words.length <= 3 && letterWords) {
    const joined = words.map((t) => t.raw).join('');
    if (joined.length >= 6) out.push({ name: joined, caseSensitive: false, line: null, weak: false });
  }
  // "Hyper-V", "Well-Architected", not "metrics-server": a lower-case phrase is prose ("a metrics server").
  if (/-\p{Lu}/u.test(name) && words.length >= 2 && letterWords)
    out.push({ name: words.map((t) => t.raw).join(' '), caseSensitive: false, line: null, weak: false });
  if (words.length === 1) {
    // "OpenVMM" → "Open VMM", "JupyterLab" → "Jupyter Lab", "PhoenixTest" → "Phoenix Test". Split, most such
    // names are two ordinary words in Title Case ("Flame Graph", "Event Mesh", "Data Hub"), so the split form is
    // weak: it counts only with evidence beyond its case (code, a list of tools, a version, the talk's tools).
    const parts = name.match(/\p{Lu}[\p{Ll}]+|\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+/gu) ?? [];
    if (parts.length === 2 && parts.join('') === name && parts.every((p) => p.length >= 3))
      out.push({ name: parts.join(' '), caseSensitive: true, line: null, weak: true });
  }
  return out;
}

/**
 * "Kinesis" for Amazon Kinesis, "IAM" for AWS IAM: the name without its vendor, in its product line;
 * "Zeppelin" for Apache Zeppelin, an ordinary word wherever it stands.
 */
export function lineNames(tool: ToolModel): ExtraName[] {
  const out: ExtraName[] = [];
  for (const { topic, platform, prefixes } of PRODUCT_LINES) {
    if (!tool.topics.includes(topic) || tool.name === platform) continue;
    for (const name of [tool.name, ...tool.aliases]) {
      const prefix = prefixes.find((p) => name.startsWith(p));
      if (prefix === undefined) continue;
      const short = name.slice(prefix.length).trim();
      if (short.length >= 2 && /\p{L}/u.test(short) && !GENERIC.has(short.toLowerCase()))
        out.push({ name: short, caseSensitive: false, line: topic, weak: true });
    }
  }
  const family = FAMILIES.find((p) => tool.name.startsWith(p));
  const own = family === undefined ? '' : tool.name.slice(family.length).trim();
  if (own.length >= 2 && !GENERIC.has(own.toLowerCase()))
    out.push({ name: own, caseSensitive: false, line: null, weak: true });
  return out;
}
