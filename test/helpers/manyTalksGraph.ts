/**
 * A generated GraphData with many talks, for API tests that need more than
 * the seven talks of the bundled content: `talkCount` talks spread over three
 * conferences, each talk mentioning two of eight tools and carrying two of
 * five topics, with a speaker, a video (except every fifth talk) and a
 * repository link shared with the talk before it.
 */
import type { GraphData } from '../../src/graph/store.js';
import type {
  ConferenceModel,
  LinkModel,
  SpeakerModel,
  TalkModel,
  ToolModel,
  TopicModel,
} from '../../src/graph/types.js';

const TOOL_NAMES = ['gVisor', 'Prometheus', 'Draft', 'Istio', 'Envoy', 'Helm', 'Skaffold', 'Grafana'];
const TOPIC_NAMES = ['security', 'observability', 'developer experience', 'networking', 'delivery'];

const slugify = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const pad = (n: number) => String(n).padStart(3, '0');

export function manyTalksGraph(talkCount = 36): GraphData {
  const conferences: ConferenceModel[] = [2019, 2020, 2021].map((year, i) => ({
    slug: `conf-${year}`,
    name: `Conf ${year}`,
    aliases: [],
    year,
    location: 'Somewhere',
    startDate: `${year}-0${i + 3}-01`,
    endDate: `${year}-0${i + 3}-03`,
    url: null,
    playlistUrl: null,
    registered: true,
    source: { path: `conferences/conf-${year}.md`, line: 1 },
    talkSlugs: [],
    linkUrls: [],
  }));
  const tools: ToolModel[] = TOOL_NAMES.map((name, i) => ({
    slug: slugify(name),
    name,
    aliases: [],
    description: `${name}, a tool.`,
    repositoryUrl: `https://github.com/example/${slugify(name)}`,
    websiteUrl: null,
    topics: [slugify(TOPIC_NAMES[i % TOPIC_NAMES.length] as string)],
    caseSensitive: false,
    ambiguous: false,
    origin: i === 7 ? 'INFERRED' : 'REGISTRY',
    inferred: i === 7,
    source: i === 7 ? null : { path: `tools/${slugify(name)}.md`, line: 1 },
  }));
  const topics: TopicModel[] = TOPIC_NAMES.map((name) => ({
    slug: slugify(name),
    name,
    aliases: [],
    parentSlug: null,
    source: null,
  }));
  const speakers: SpeakerModel[] = [];
  const links: LinkModel[] = [];
  const talks: TalkModel[] = [];

  for (let i = 0; i < talkCount; i++) {
    const slug = `talk-${pad(i)}`;
    const conference = conferences[i % conferences.length] as ConferenceModel;
    const toolSlugs = [tools[i % tools.length], tools[(i * 3 + 1) % tools.length]].map(
      (t) => (t as ToolModel).slug,
    );
    const topicSlugs = [...new Set([i % TOPIC_NAMES.length, (i + 2) % TOPIC_NAMES.length])].map((j) =>
      slugify(TOPIC_NAMES[j] as string),
    );
    const speaker = {
      slug: `speaker-${pad(i)}`,
      name: `Speaker ${pad(i)}`,
      affiliation: null,
      talkSlugs: [slug],
    };
    const youtubeId = i % 5 === 4 ? null : `vid${pad(i)}xxxxx`;
    const videoUrl = youtubeId === null ? null : `https://www.youtube.com/watch?v=${youtubeId}`;
    const repo = `https://github.com/example/shared-${Math.floor((i + 1) / 2)}`;
    const path = `posts/${conference.slug}.md`;
    talks.push({
      slug,
      title: `Talk ${pad(i)} about ${toolSlugs.join(' and ')}`,
      kind: 'TALK',
      conferenceSlug: conference.slug,
      speakerSlugs: [speaker.slug],
      videoUrl,
      youtubeId,
      videoStart: null,
      summary: `Summary ${i}.`,
      notes: `Notes of talk ${i}: ${toolSlugs.join(', ')}.`,
      topicSlugs,
      citations: [
        ...(videoUrl === null ? [] : [{ url: videoUrl, label: 'Video Link', line: 10 * i + 2 }]),
        { url: repo, label: 'Github Link', line: 10 * i + 3 },
      ],
      mentions: [...new Set(toolSlugs)].map((toolSlug) => ({
        toolSlug,
        talkSlug: slug,
        via: 'NAME' as const,
        evidence: [{ path, line: 10 * i + 4, text: `uses ${toolSlug}` }],
      })),
      source: { path, line: 10 * i + 1 },
      endLine: 10 * i + 9,
      date: `${conference.year}-05-01`,
    });
    conference.talkSlugs.push(slug);
    speakers.push(speaker);
    if (videoUrl !== null && youtubeId !== null) {
      links.push({
        url: videoUrl,
        kind: 'VIDEO',
        label: 'Video Link',
        host: 'youtube.com',
        youtubeId,
        talkSlugs: [slug],
        conferenceSlugs: [],
        source: { path, line: 10 * i + 2 },
      });
    }
    const shared = links.find((l) => l.url === repo);
    if (shared) shared.talkSlugs.push(slug);
    else {
      links.push({
        url: repo,
        kind: 'REPOSITORY',
        label: 'Github Link',
        host: 'github.com',
        youtubeId: null,
        talkSlugs: [slug],
        conferenceSlugs: [],
        source: { path, line: 10 * i + 3 },
      });
    }
  }

  return {
    conferences,
    talks,
    tools,
    topics,
    speakers,
    links,
    posts: conferences.map((c) => ({
      path: `posts/${c.slug}.md`,
      title: c.name,
      date: null,
      tags: [],
      categories: [],
      description: null,
      draft: false,
      frontMatter: {},
      conferenceSlug: c.slug,
      talkSlugs: c.talkSlugs,
    })),
    diagnostics: [
      {
        code: 'DATE_IMPLAUSIBLE',
        severity: 'WARNING',
        path: 'posts/conf-2019.md',
        line: 3,
        message: 'date far away',
      },
      { code: 'TALK_NO_VIDEO', severity: 'INFO', path: 'posts/conf-2020.md', line: 40, message: 'no video' },
      {
        code: 'FRONTMATTER_INVALID',
        severity: 'ERROR',
        path: 'drafts/broken.md',
        line: 2,
        message: 'bad front matter',
      },
    ],
  };
}
