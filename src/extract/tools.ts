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
 * | alone in brackets ("Wes McKinney (pandas)")         | as mid-sentence                  |
 * | opening a sentence mid-paragraph, inside a          | no                               |
 * | capitalised phrase ("Natural Language Processing"), |                                  |
 * | or in lower case                                    |                                  |
 *
 * Where a verdict asks for another tool, another ordinary word of the same
 * field will do ("Kinesis - more than a stream" with "* Kafka"), and words
 * once counted support others. A product named without its cloud vendor
 * ("VPC", "Kinesis", see extract/toolNames) is weighed like an ordinary word
 * and also needs another product of the same line in the talk. With its
 * vendor ("Apache Spark", "AWS Lambda") a name is never an ordinary word; a
 * capitalised name in brackets after a person's name is their employer
 * ("Keith Rarick (Heroku)"), not a mention.
 */
import type { LinkKind, MentionVia, ToolModel } from '../graph/types.js';
import { slugify } from '../keys.js';
import type { TextRun } from '../parse/markdown.js';
import { repositoryRoot } from './links.js';
import { type NameEntry, type NameMatch, NameMatcher } from './nameMatcher.js';
import {
  affiliation,
  ambiguousVerdict,
  type Deferred,
  enclosed,
  listedMatches,
  partners,
  VENDOR,
  weak,
} from './toolEvidence.js';
import { lineNames, spellings } from './toolNames.js';

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
    // Other spellings and short names never take a name that is some tool's own ("Linux" of Amazon Linux).
    const spelling = (name: string) => name.normalize('NFKC').toLowerCase();
    const taken = new Set(tools.flatMap((t) => [t.name, ...t.aliases].map(spelling)));
    for (const tool of tools) {
      this.tools.set(tool.slug, tool);
      const base = { key: tool.slug, caseSensitive: tool.caseSensitive, ambiguous: tool.ambiguous };
      // "Apache Spark", "AWS Lambda": with its vendor an ordinary word is a name ("Spark", "Lambda" are not).
      const named = (name: string) => (VENDOR.test(name) ? { ...base, ambiguous: false } : base);
      entries.push({ ...named(tool.name), name: tool.name, via: 'NAME' });
      for (const alias of tool.aliases) entries.push({ ...named(alias), name: alias, via: 'ALIAS' });
      for (const extra of [...[tool.name, ...tool.aliases].flatMap(spellings), ...lineNames(tool)]) {
        const key = spelling(extra.name);
        if (taken.has(key)) continue;
        taken.add(key);
        entries.push({
          ...base,
          name: extra.name,
          via: 'ALIAS',
          caseSensitive: base.caseSensitive || extra.caseSensitive,
          ambiguous: base.ambiguous || (extra.weak && extra.line === null),
          ...(extra.line === null ? {} : { line: extra.line }),
        });
      }
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
   * Whether the talk's tools found so far support a weak match (see the table at the top): a short
   * product name needs a tool of its product line ("VPC" beside AWS Lambda); a name cased mid-sentence
   * any tool; a name opening a list item a tool of its own field ("* Ray on Vertex AI"); a name in
   * Title Case the same tool named elsewhere.
   */
  private supported(
    d: Deferred,
    found: ReadonlyMap<string, unknown>,
    near: () => ReadonlySet<string>,
  ): boolean {
    const { entry } = d.match;
    if (entry.line !== undefined) {
      const line = entry.line;
      let inLine = false;
      for (const slug of found.keys())
        if (slug !== entry.key && this.tools.get(slug)?.topics.includes(line)) inLine = true;
      return inLine && (d.verdict !== 'titled' || found.has(entry.key));
    }
    if (d.verdict === 'supported') return found.size > 0;
    if (d.verdict === 'titled') return found.has(entry.key);
    const topics = near();
    return (this.tools.get(entry.key)?.topics ?? []).some((t) => topics.has(t));
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
    // The evidence line's text is cut only for a line the mention does not hold yet.
    const evidence = (line: number) => ({ line, text: lineText(line).trim().slice(0, 240) });
    const add = (slug: string, via: MentionVia, line: number) => {
      const mention = found.get(slug);
      if (mention === undefined) {
        found.set(slug, { toolSlug: slug, via, evidence: [evidence(line)] });
        return;
      }
      if (VIA_RANK[via] < VIA_RANK[mention.via]) mention.via = via;
      if (!mention.evidence.some((e) => e.line === line)) mention.evidence.push(evidence(line));
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
        const project = projectPath(link.url);
        if (project === null) continue;
        const [owner = '', name = ''] = project;
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
            repositoryUrl: `${new URL(root).origin}/${owner}/${repoName}`.toLowerCase(),
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

    const matches = this.matcher.match(runs).filter((m) => !namesLinkHost(m) && !affiliation(runs, m));
    const listed = listedMatches(runs, matches);
    const deferred: Deferred[] = [];
    for (const match of matches) {
      const { entry } = match;
      if (!weak(entry)) {
        // A case-sensitive word ("Draft") opening a sentence is the word; "Open VMM" stays a name there.
        if (
          entry.caseSensitive &&
          match.sentenceStart &&
          !match.code &&
          !match.versioned &&
          !/\s/.test(match.text)
        )
          continue;
        add(entry.key, entry.via, match.line);
        continue;
      }
      let verdict = ambiguousVerdict(match, listed.has(match));
      // "Wes McKinney (pandas)": a word alone in brackets after a person is a name, whatever its case.
      if (verdict === 'no' && enclosed(runs, match)) verdict = 'supported';
      if (verdict === 'mention' && entry.line === undefined) add(entry.key, entry.via, match.line);
      else if (verdict !== 'no') deferred.push({ match, verdict });
    }
    // Weak names count once supported, and once counted they support others ("Consul 1.6 ... through
    // Envoy"), so support is sought until nothing changes.
    const open = new Set(deferred);
    const partnered = partners(deferred, this.tools);
    // The topics of the tools found so far, worked out once per pass and only when asked.
    let topics: Set<string> | null = null;
    const near = () => {
      topics ??= new Set([...found.keys()].flatMap((slug) => this.tools.get(slug)?.topics ?? []));
      return topics;
    };
    for (let changed = open.size > 0; changed; ) {
      changed = false;
      for (const d of open) {
        if (!this.supported(d, found, near) && !partnered(d)) continue;
        add(d.match.entry.key, d.match.entry.via, d.match.line);
        open.delete(d);
        changed = true;
      }
      // Tools added in this pass lend their topics in the next.
      topics = null;
    }
    const mentions = [...found.values()].map((m) => ({
      ...m,
      evidence: m.evidence.sort((a, b) => a.line - b.line),
    }));
    return { mentions, inferred };
  }
}

/**
 * Owner and name of the project a repository URL points into. GitLab nests
 * groups ("gitlab.com/gitlab-com/gl-infra/db-migration"), so there the
 * project is what stands before `/-/`, and a deeper path without it is no
 * project one can name: a subgroup is not a tool.
 */
function projectPath(url: URL): [string, string] | null {
  const parts = url.pathname.split('/').filter((p) => p !== '');
  if (url.hostname.toLowerCase().replace(/^www\./, '') !== 'gitlab.com')
    return [parts[0] ?? '', parts[1] ?? ''];
  const dash = parts.indexOf('-');
  const path = dash === -1 ? parts : parts.slice(0, dash);
  if (dash === -1 && path.length > 2) return null;
  return [path.slice(0, -1).join('/'), path[path.length - 1] ?? ''];
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
