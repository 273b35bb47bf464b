/**
 * @module extract/tools
 * Tool mentions: a talk mentions a tool when its section names the tool or an
 * alias as a word, or links the tool's repository or website. A repository
 * link to an unknown project makes an inferred tool named after the
 * repository, unless the link is a talk's slides. Linking `github.com/x/y`
 * is no mention of GitHub: a platform named only as the text of a link into
 * it is where something lives, not a tool the talk is about.
 *
 * Ordinary words ("Draft", "Helm", "Spark", "pandas") need evidence beyond
 * letter case (`ambiguousVerdict`):
 *
 * | evidence                                            | verdict                          |
 * | --------------------------------------------------- | -------------------------------- |
 * | a code span, or a version after it ("Helm v3")      | a mention                        |
 * | a list with a tool that is no ordinary word         | a mention ("docker, spark, AWS") |
 * | cased as a name, mid-sentence                       | a mention if the talk names or   |
 * |                                                     | links another tool               |
 * | opening a list item or paragraph as its subject     | as mid-sentence                  |
 * | ("* Consul is the backend", "Rust で…")             |                                  |
 * | opening a list item or paragraph otherwise          | a mention if the talk names a    |
 * | ("* Ray on Vertex AI", not "* Keep it simple")      | tool of its ecosystem (a topic)  |
 * | in Title Case text ("Deep Dive")                    | only if named elsewhere as above |
 * | opening a sentence mid-paragraph, inside a          | no                               |
 * | capitalised phrase ("Natural Language Processing"), |                                  |
 * | or in lower case                                    |                                  |
 */
import type { LinkKind, MentionVia, ToolModel } from '../graph/types.js';
import { slugify } from '../keys.js';
import type { TextRun } from '../parse/markdown.js';
import { repositoryRoot } from './links.js';
import { type NameEntry, type NameMatch, NameMatcher } from './nameMatcher.js';

export interface MentionDraft {
  toolSlug: string;
  via: MentionVia;
  evidence: { line: number; text: string }[];
}

export interface CitedLink {
  url: URL;
  line: number;
  /** The link's text or the label before it ("slides", "Video Link:"). */
  label?: string | null;
  kind?: LinkKind;
}

// A repository cited as a talk's slides holds the talk, not a project ("[slides](github.com/x/2015-talks)").
const SLIDES_LABEL = /\b(slides?|deck|presentations?|diapositivas|folien|transparencias)\b/i;

// Code hosts by the slug of the platform tool: link text naming the host of a repository is no mention.
const CODE_HOSTS: Record<string, string> = {
  'github.com': 'github',
  'gitlab.com': 'gitlab',
  'bitbucket.org': 'bitbucket',
};

// What may stand between two items of a list of tools: "docker, spark and AWS", "Rust & Nim", "tox + venv".
const LIST_SEPARATOR = /^\s*(?:[,;/&+|]|\band\b|\bor\b|\by\b|\bund\b|\bet\b|,\s*(?:and|or)\b)\s*$/i;

// After a name that opens a line as its subject: a verb of description or punctuation, not an object.
const SUBJECT_NEXT =
  /^(?:is|was|are|were|has|had|have|provides?|lets|allows|supports|uses|can|could|will|does|did|gives|makes|runs|handles|offers|[-–—:(,])$/i;
// Text in another script around a Latin word ("Rust で"): the word is a name, whatever its case.
const NON_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

type Verdict = 'mention' | 'supported' | 'ecosystem' | 'titled' | 'no';

/** How an ordinary-word match counts, from the evidence around it (see the table above). */
export function ambiguousVerdict(match: NameMatch, listed: boolean): Verdict {
  if (match.code || match.versioned || listed) return 'mention';
  if (!/^\p{Lu}/u.test(match.text) || match.afterCapital) return 'no';
  if (match.title) return 'titled';
  if (match.blockStart) {
    const next = match.next ?? '';
    return SUBJECT_NEXT.test(next) || NON_LATIN.test(next) ? 'supported' : 'ecosystem';
  }
  return match.sentenceStart ? 'no' : 'supported';
}

/** Matches that sit in a list with a tool that is no ordinary word. */
function listedMatches(runs: readonly TextRun[], matches: readonly NameMatch[]): Set<NameMatch> {
  const listed = new Set<NameMatch>();
  let group: NameMatch[] = [];
  const close = () => {
    if (group.some((m) => !m.entry.ambiguous || m.code)) for (const m of group) listed.add(m);
    group = [];
  };
  for (const match of matches) {
    const previous = group[group.length - 1];
    if (
      previous === undefined ||
      previous.runIndex !== match.runIndex ||
      !LIST_SEPARATOR.test(runs[match.runIndex]?.text.slice(previous.end, match.start) ?? '')
    )
      close();
    group.push(match);
  }
  close();
  return listed;
}

// Hosts shared by many products: a tool's website there never claims the whole host.
const SHARED_HOSTS = new Set([
  'github.com',
  'gitlab.com',
  'google.com',
  'cloud.google.com',
  'aws.amazon.com',
  'amazon.com',
  'azure.microsoft.com',
  'microsoft.com',
  'learn.microsoft.com',
  'docs.microsoft.com',
  'apache.org',
  'medium.com',
  'youtube.com',
  'twitter.com',
  'x.com',
  'npmjs.com',
  'pypi.org',
  'hub.docker.com',
  'developers.google.com',
  'ibm.com',
  'oracle.com',
  'redhat.com',
  'cncf.io',
]);

const VIA_RANK: Record<MentionVia, number> = { REPOSITORY: 0, WEBSITE: 1, NAME: 2, ALIAS: 3 };

function websiteKey(url: URL): string {
  const path = url.pathname.replace(/\/+$/, '').toLowerCase();
  return `${url.hostname.toLowerCase().replace(/^www\./, '')}${path}`;
}

export class ToolIndex {
  readonly matcher: NameMatcher;
  private readonly tools = new Map<string, ToolModel>();
  private readonly repos = new Map<string, string>();
  /** Website path prefixes by host, longest first. */
  private readonly websites = new Map<string, [string, string][]>();

  constructor(tools: readonly ToolModel[]) {
    const entries: NameEntry[] = [];
    for (const tool of tools) {
      this.tools.set(tool.slug, tool);
      const base = { key: tool.slug, caseSensitive: tool.caseSensitive, ambiguous: tool.ambiguous };
      entries.push({ ...base, name: tool.name, via: 'NAME' });
      for (const alias of tool.aliases) entries.push({ ...base, name: alias, via: 'ALIAS' });
      if (tool.repositoryUrl !== null) {
        try {
          const root = repositoryRoot(new URL(tool.repositoryUrl));
          if (root !== null) this.repos.set(root, tool.slug);
        } catch {
          // A malformed registry URL only loses this way of finding the tool.
        }
      }
      if (tool.websiteUrl !== null) {
        try {
          const url = new URL(tool.websiteUrl);
          const key = websiteKey(url);
          const host = url.hostname.toLowerCase().replace(/^www\./, '');
          if (key !== host || !SHARED_HOSTS.has(host)) {
            const list = this.websites.get(host) ?? [];
            list.push([key, tool.slug]);
            this.websites.set(host, list);
          }
        } catch {
          // As above.
        }
      }
    }
    for (const list of this.websites.values()) list.sort((a, b) => b[0].length - a[0].length);
    this.matcher = new NameMatcher(entries);
  }

  tool(slug: string): ToolModel | undefined {
    return this.tools.get(slug);
  }

  get all(): ToolModel[] {
    return [...this.tools.values()];
  }

  /** The known tool whose repository contains the URL. */
  byRepository(url: URL): string | null {
    const root = repositoryRoot(url);
    return root === null ? null : (this.repos.get(root) ?? null);
  }

  /** The known tool whose website contains the URL (longest website wins). */
  byWebsite(url: URL): string | null {
    const key = websiteKey(url);
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    for (const [prefix, slug] of this.websites.get(host) ?? []) {
      if (key === prefix || key.startsWith(`${prefix}/`)) return slug;
    }
    return null;
  }

  /**
   * Mentions in one talk's text runs and links. `lineText` gives the evidence
   * text of a line. Inferred tools are returned for repository links to
   * projects that no known tool claims.
   */
  mentions(
    runs: readonly TextRun[],
    links: readonly CitedLink[],
    lineText: (line: number) => string,
  ): { mentions: MentionDraft[]; inferred: ToolModel[] } {
    const found = new Map<string, MentionDraft>();
    const inferred: ToolModel[] = [];
    const add = (slug: string, via: MentionVia, line: number) => {
      const text = lineText(line).trim().slice(0, 240);
      const mention = found.get(slug);
      if (mention === undefined) {
        found.set(slug, { toolSlug: slug, via, evidence: [{ line, text }] });
        return;
      }
      if (VIA_RANK[via] < VIA_RANK[mention.via]) mention.via = via;
      if (!mention.evidence.some((e) => e.line === line)) mention.evidence.push({ line, text });
    };

    for (const link of links) {
      const repo = this.byRepository(link.url);
      if (repo !== null) {
        add(repo, 'REPOSITORY', link.line);
        continue;
      }
      const root = repositoryRoot(link.url);
      if (root !== null) {
        if (link.kind === 'SLIDES' || SLIDES_LABEL.test(link.label ?? '')) continue;
        const [, owner = '', name = ''] = link.url.pathname.split('/');
        const repoName = name.replace(/\.git$/, '');
        const known = this.tools.get(slugify(repoName));
        // A fork or namesake of a known tool keeps the owner in its slug.
        const slug = known === undefined ? slugify(repoName) : slugify(`${owner}-${repoName}`);
        if (!inferred.some((t) => t.slug === slug)) {
          inferred.push({
            slug,
            name: repoName,
            aliases: [],
            description: null,
            repositoryUrl: root,
            websiteUrl: null,
            topics: [],
            caseSensitive: false,
            ambiguous: false,
            origin: 'INFERRED',
            inferred: true,
            source: null,
          });
        }
        add(slug, 'REPOSITORY', link.line);
        continue;
      }
      const site = this.byWebsite(link.url);
      if (site !== null) add(site, 'WEBSITE', link.line);
    }

    const matches = this.matcher.match(runs).filter((m) => !namesLinkHost(m));
    const listed = listedMatches(runs, matches);
    const pending: NameMatch[] = [];
    const ecosystem: NameMatch[] = [];
    const titled: NameMatch[] = [];
    for (const match of matches) {
      const { entry } = match;
      if (!entry.ambiguous) {
        // A case-sensitive name ("Draft") opening a sentence is the word.
        if (entry.caseSensitive && match.sentenceStart && !match.code && !match.versioned) continue;
        add(entry.key, entry.via, match.line);
        continue;
      }
      const verdict = ambiguousVerdict(match, listed.has(match));
      if (verdict === 'mention') add(entry.key, entry.via, match.line);
      else if (verdict === 'supported') pending.push(match);
      else if (verdict === 'ecosystem') ecosystem.push(match);
      else if (verdict === 'titled') titled.push(match);
    }
    // Ordinary words need support: a link to the tool or another tool found in the same talk;
    // once supported they support each other ("Consul 1.6 ... through Envoy"). The same word
    // twice is no support: "The Consul of Rome" ... "a Consul who overstayed".
    if (found.size > 0) {
      for (const match of pending) add(match.entry.key, match.entry.via, match.line);
      // A capitalised word opening a list item needs a tool of its own field: "* Ray on Vertex AI"
      // with Vertex AI (ml), not "* Keep it simple" in a talk about Kubernetes.
      const topics = new Set([...found.keys()].flatMap((slug) => this.tools.get(slug)?.topics ?? []));
      for (const match of ecosystem) {
        const own = this.tools.get(match.entry.key)?.topics ?? [];
        if (own.some((t) => topics.has(t))) add(match.entry.key, match.entry.via, match.line);
      }
      for (const match of titled)
        if (found.has(match.entry.key)) add(match.entry.key, match.entry.via, match.line);
    }
    const mentions = [...found.values()].map((m) => ({
      ...m,
      evidence: m.evidence.sort((a, b) => a.line - b.line),
    }));
    return { mentions, inferred };
  }
}

/** "[GitHub](https://github.com/x/y)": the text names where the linked repository lives. */
function namesLinkHost(match: NameMatch): boolean {
  if (match.link === undefined) return false;
  let url: URL;
  try {
    url = new URL(match.link);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  return CODE_HOSTS[host] === match.entry.key && repositoryRoot(url) !== null;
}
