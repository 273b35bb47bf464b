/**
 * @module extract/tools
 * Tool mentions: a talk mentions a tool when its section names the tool or an
 * alias as a word, or links the tool's repository or website. Ordinary words
 * ("Draft", "Helm", "Spark") count only when cased as the tool, not opening a
 * sentence, and with supporting context in the same talk (a link to the tool
 * or another tool named). A repository link to an unknown project makes an
 * inferred tool named after the repository.
 */
import type { MentionVia, ToolModel } from '../graph/types.js';
import { slugify } from '../keys.js';
import type { TextRun } from '../parse/markdown.js';
import { repositoryRoot } from './links.js';
import { type NameEntry, NameMatcher } from './nameMatcher.js';

export interface MentionDraft {
  toolSlug: string;
  via: MentionVia;
  evidence: { line: number; text: string }[];
}

export interface CitedLink {
  url: URL;
  line: number;
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

    const matches = this.matcher.match(runs);
    const pending: typeof matches = [];
    const titled: typeof matches = [];
    for (const match of matches) {
      const { entry } = match;
      const strict = entry.ambiguous || entry.caseSensitive;
      if (strict && match.sentenceStart && !match.code && !match.versioned) continue;
      if (entry.ambiguous && !match.code) {
        // A lower-case ordinary word ("kind") is the tool only as code; a link finds it otherwise.
        if (!/\p{Lu}/u.test(entry.name)) continue;
        // In a Title Case heading every word is capitalised: "Deep Dive" alone is not the tool Dive.
        if (match.title) {
          titled.push(match);
          continue;
        }
      }
      if (entry.ambiguous && !match.code && !match.versioned) pending.push(match);
      else add(entry.key, entry.via, match.line);
    }
    // Ordinary words need support: a link to the tool or another tool found in the same talk;
    // once supported they support each other ("Consul 1.6 ... through Envoy"). The same word
    // twice is no support: "The Consul of Rome" ... "a Consul who overstayed".
    if (found.size > 0) {
      for (const match of pending) add(match.entry.key, match.entry.via, match.line);
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
