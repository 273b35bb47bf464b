/**
 * A small but realistic GraphData built by hand, for testing the discovery
 * indexes and the exports without the indexer: two conferences (two posts),
 * ten talks, nine tools, eight topics, speakers, and links (videos, a
 * playlist, a repository, a link shared by two talks), every mention with
 * evidence. Talk slugs are listed in `TALK`.
 */
import type { GraphData } from '../../src/graph/store.js';
import type {
  Citation,
  ConferenceModel,
  LinkKind,
  LinkModel,
  MentionVia,
  PostModel,
  SpeakerModel,
  TalkModel,
  ToolModel,
  TopicModel,
} from '../../src/graph/types.js';

export const TALK = {
  projectUpdate: 'kubernetes-project-update',
  googleObservability: 'container-native-observability-security-from-google-cloud',
  draft: 'container-native-dev-and-ops-experience',
  istio: 'istio-service-mesh-in-production',
  keynote: 'keynote-scaling-with-quotes-and-tags',
  welcome: 'kubernetes-community-welcome',
  alerting: 'alerting-that-doesnt-wake-you-up',
  dashboards: 'dashboards-as-code',
  sandboxing: 'sandboxing-untrusted-workloads',
  delivery: 'continuous-delivery-pipelines',
} as const;

/** A title with every character the exports must escape. */
export const TRICKY_TITLE = 'Keynote: Scaling with "quotes" & <tags> \\ back\\slash\nand a new line';

interface TalkSpec {
  slug: string;
  title: string;
  speakers: string[];
  tools: [slug: string, via: MentionVia, text: string][];
  topics: string[];
  links: [url: string, label: string | null][];
  notes: string;
}

const KUBECON_POST = 'posts/kubecon-eu-2018.md';
const DEVOPS_POST = 'posts/devopsdays-amsterdam-2019.md';

const kubeconTalks: TalkSpec[] = [
  {
    slug: TALK.projectUpdate,
    title: 'Kubernetes Project Update',
    speakers: ['aparna-sinha'],
    tools: [
      ['gvisor', 'NAME', 'Google open sourced gVisor, a sandboxed container runtime.'],
      ['prometheus', 'NAME', 'Stackdriver now ingests Prometheus metrics.'],
      ['stackdriver', 'NAME', 'Stackdriver now ingests Prometheus metrics.'],
    ],
    topics: ['kubernetes', 'security', 'observability'],
    links: [['https://www.youtube.com/watch?v=OUYTNywPk-s', 'Video Link']],
    notes:
      'The state of the project. Google open sourced gVisor, a sandboxed container runtime. ' +
      'Stackdriver now ingests Prometheus metrics.',
  },
  {
    slug: TALK.googleObservability,
    title: 'Container Native observability & security from Google Cloud',
    speakers: ['aparna-sinha', 'craig-box'],
    tools: [
      ['gvisor', 'NAME', 'gVisor isolates workloads without a full VM.'],
      ['prometheus', 'NAME', 'Prometheus and Stackdriver side by side.'],
      ['stackdriver', 'NAME', 'Prometheus and Stackdriver side by side.'],
    ],
    topics: ['kubernetes', 'observability', 'security'],
    links: [['https://www.youtube.com/watch?v=_CFgSksTT54', 'Video Link']],
    notes: 'gVisor isolates workloads without a full VM. Prometheus and Stackdriver side by side.',
  },
  {
    slug: TALK.draft,
    title: 'Container-Native dev and ops experience',
    speakers: ['ralph-squillace'],
    tools: [
      ['draft', 'REPOSITORY', 'Github Link: https://github.com/Azure/draft'],
      ['helm', 'NAME', 'Draft builds on Helm charts.'],
    ],
    topics: ['kubernetes', 'developer-experience'],
    links: [
      ['https://www.youtube.com/watch?v=8iQRJXJHiZ8', 'Video Link'],
      ['https://github.com/Azure/draft', 'Github Link'],
    ],
    notes: 'Inner loop development for Kubernetes. Draft builds on Helm charts.',
  },
  {
    slug: TALK.istio,
    title: 'Istio service mesh in production',
    speakers: ['lin-sun'],
    tools: [
      ['istio', 'NAME', 'Istio injects an Envoy sidecar.'],
      ['envoy', 'NAME', 'Istio injects an Envoy sidecar.'],
    ],
    topics: ['kubernetes', 'service-mesh'],
    links: [['https://www.youtube.com/watch?v=2eAOx8E6-5Q', 'Video Link']],
    notes: 'Lessons from running a mesh. Istio injects an Envoy sidecar next to every pod.',
  },
  {
    slug: TALK.keynote,
    title: TRICKY_TITLE,
    speakers: ['kelsey-hightower'],
    tools: [['helm', 'NAME', 'Helm "charts" & <templates> with C:\\paths']],
    topics: ['kubernetes'],
    links: [['https://www.youtube.com/watch?v=H06qrNmGqyE', 'Video Link']],
    notes: 'Helm "charts" & <templates> with C:\\paths\nover two lines.',
  },
  {
    slug: TALK.welcome,
    title: 'Kubernetes community welcome',
    speakers: [],
    tools: [],
    topics: ['kubernetes'],
    links: [['https://www.youtube.com/watch?v=0sh2aWdfBxA', 'Video Link']],
    notes: 'Welcome to Copenhagen and to the community.',
  },
];

const devopsTalks: TalkSpec[] = [
  {
    slug: TALK.alerting,
    title: "Alerting that doesn't wake you up",
    speakers: ['jane-doe'],
    tools: [
      ['prometheus', 'NAME', 'Prometheus alert rules with Grafana dashboards.'],
      ['grafana', 'NAME', 'Prometheus alert rules with Grafana dashboards.'],
    ],
    topics: ['devops', 'observability'],
    links: [
      ['https://www.youtube.com/watch?v=8fSNDxA_irY', 'Video Link'],
      ['https://prometheus.io/docs/alerting/latest/overview/', 'Alerting overview'],
    ],
    notes: 'Symptoms over causes. Prometheus alert rules with Grafana dashboards for the on-call engineer.',
  },
  {
    slug: TALK.dashboards,
    title: 'Dashboards as code',
    speakers: ['john-smith'],
    tools: [
      ['grafana', 'NAME', 'Grafana dashboards generated from Jsonnet.'],
      ['prometheus', 'NAME', 'queries against Prometheus'],
    ],
    topics: ['devops', 'observability'],
    links: [
      ['https://www.youtube.com/watch?v=aaaaaaaaaaa', 'Video Link'],
      ['https://prometheus.io/docs/alerting/latest/overview/', 'the alerting docs'],
    ],
    notes: 'Grafana dashboards generated from Jsonnet, with queries against Prometheus kept in git.',
  },
  {
    slug: TALK.sandboxing,
    title: 'Sandboxing untrusted workloads',
    speakers: ['jane-doe'],
    tools: [['gvisor', 'NAME', 'We run CI jobs under gVisor.']],
    topics: ['devops', 'security'],
    links: [['https://www.youtube.com/watch?v=bbbbbbbbbbb', 'Video Link']],
    notes: 'Multi-tenant CI. We run CI jobs under gVisor to contain untrusted code.',
  },
  {
    slug: TALK.delivery,
    title: 'Continuous delivery pipelines',
    speakers: ['john-smith'],
    tools: [],
    topics: ['devops'],
    links: [['https://www.youtube.com/watch?v=ccccccccccc', 'Video Link']],
    notes: 'From commit to production in ten minutes, with manual approval gates.',
  },
];

const SPEAKER_NAMES: Record<string, string> = {
  'aparna-sinha': 'Aparna Sinha',
  'craig-box': 'Craig Box',
  'ralph-squillace': 'Ralph Squillace',
  'lin-sun': 'Lin Sun',
  'kelsey-hightower': 'Kelsey Hightower',
  'jane-doe': 'Jane Doe',
  'john-smith': 'John Smith',
};

function tool(slug: string, name: string, topics: string[], extra: Partial<ToolModel> = {}): ToolModel {
  return {
    slug,
    name,
    aliases: [],
    description: null,
    repositoryUrl: null,
    websiteUrl: null,
    topics,
    caseSensitive: false,
    ambiguous: false,
    origin: 'CATALOGUE',
    inferred: false,
    source: null,
    ...extra,
  };
}

function topic(
  slug: string,
  name: string,
  parentSlug: string | null = null,
  aliases: string[] = [],
): TopicModel {
  return { slug, name, aliases, parentSlug, source: { path: `topics/${slug}.md`, line: 1 } };
}

function linkKind(url: string, label: string | null): LinkKind {
  if (url.includes('youtube.com/watch') && url.includes('list=')) return 'PLAYLIST';
  if (url.includes('youtube.com')) return 'VIDEO';
  if (url.includes('github.com')) return 'REPOSITORY';
  return label?.includes('docs') || url.includes('/docs/') ? 'DOCUMENTATION' : 'WEBSITE';
}

export function syntheticGraph(): GraphData {
  const conferences: ConferenceModel[] = [
    {
      slug: 'kubecon-cloudnativecon-europe-2018',
      name: 'KubeCon + CloudNativeCon Europe 2018',
      aliases: ['KubeCon EU 2018'],
      year: 2018,
      location: 'Copenhagen, Denmark',
      startDate: '2018-05-02',
      endDate: '2018-05-04',
      url: null,
      playlistUrl: 'https://www.youtube.com/watch?v=OUYTNywPk-s&list=PLj6h78yzYM2N8GdbjmhVU65KYm_68qBmo',
      registered: false,
      source: { path: KUBECON_POST, line: 1 },
      talkSlugs: [],
      linkUrls: ['https://www.youtube.com/watch?v=OUYTNywPk-s&list=PLj6h78yzYM2N8GdbjmhVU65KYm_68qBmo'],
    },
    {
      slug: 'devopsdays-amsterdam-2019',
      name: 'DevOpsDays Amsterdam 2019',
      aliases: [],
      year: 2019,
      location: 'Amsterdam, Netherlands',
      startDate: '2019-06-26',
      endDate: '2019-06-28',
      url: 'https://devopsdays.org/events/2019-amsterdam/',
      playlistUrl: null,
      registered: true,
      source: { path: 'conferences/devopsdays-amsterdam-2019.md', line: 1 },
      talkSlugs: [],
      linkUrls: [],
    },
  ];

  const tools: ToolModel[] = [
    tool('prometheus', 'Prometheus', ['observability'], {
      description: 'An open-source monitoring system with a dimensional data model and alerting.',
      repositoryUrl: 'https://github.com/prometheus/prometheus',
      websiteUrl: 'https://prometheus.io',
    }),
    tool('grafana', 'Grafana', ['observability'], { description: 'Dashboards and visualisation.' }),
    tool('stackdriver', 'Stackdriver', ['observability'], {
      aliases: ['Google Cloud Operations'],
      description: 'Monitoring and logging on Google Cloud.',
    }),
    tool('gvisor', 'gVisor', ['security', 'containers'], {
      aliases: ['runsc'],
      description: 'An application kernel that sandboxes containers.',
      repositoryUrl: 'https://github.com/google/gvisor',
    }),
    tool('draft', 'Draft', ['developer-experience'], {
      caseSensitive: true,
      ambiguous: true,
      repositoryUrl: 'https://github.com/Azure/draft',
      description: 'Streamlined Kubernetes development.',
    }),
    tool('helm', 'Helm', ['kubernetes'], { description: 'The package manager for Kubernetes.' }),
    tool('istio', 'Istio', ['service-mesh'], { description: 'A service mesh.' }),
    tool('envoy', 'Envoy', ['service-mesh'], {
      aliases: ['Envoy Proxy'],
      description: 'An edge and service proxy.',
    }),
    tool('jsonnet', 'Jsonnet', [], { origin: 'INFERRED', inferred: true }),
  ];

  const topics: TopicModel[] = [
    topic('kubernetes', 'Kubernetes', null, ['k8s']),
    topic('devops', 'DevOps'),
    topic('observability', 'Observability', null, ['monitoring']),
    topic('security', 'Security'),
    topic('containers', 'Containers'),
    topic('networking', 'Networking'),
    topic('service-mesh', 'Service Mesh', 'networking'),
    topic('developer-experience', 'Developer Experience'),
  ];

  const talks: TalkModel[] = [];
  const posts: PostModel[] = [];
  const linkMap = new Map<string, LinkModel>();
  const speakerTalks = new Map<string, string[]>();

  const addPost = (path: string, conference: ConferenceModel, tags: string[], specs: TalkSpec[]): void => {
    let line = 10;
    for (const link of conference.linkUrls) {
      linkMap.set(link, {
        url: link,
        kind: linkKind(link, null),
        label: 'Playlist',
        host: new URL(link).host,
        youtubeId: null,
        talkSlugs: [],
        conferenceSlugs: [conference.slug],
        source: { path, line: 8 },
      });
    }
    for (const spec of specs) {
      const citations: Citation[] = spec.links.map(([url, label], i) => ({ url, label, line: line + 1 + i }));
      for (const citation of citations) {
        const existing = linkMap.get(citation.url);
        if (existing !== undefined) existing.talkSlugs.push(spec.slug);
        else {
          const youtubeId = citation.url.includes('youtube.com')
            ? (new URL(citation.url).searchParams.get('v') ?? null)
            : null;
          linkMap.set(citation.url, {
            url: citation.url,
            kind: linkKind(citation.url, citation.label),
            label: citation.label,
            host: new URL(citation.url).host,
            youtubeId,
            talkSlugs: [spec.slug],
            conferenceSlugs: [],
            source: { path, line: citation.line },
          });
        }
      }
      const video = citations.find((c) => c.url.includes('youtube.com'));
      for (const speaker of spec.speakers)
        speakerTalks.set(speaker, [...(speakerTalks.get(speaker) ?? []), spec.slug]);
      talks.push({
        slug: spec.slug,
        title: spec.title,
        kind: 'TALK',
        conferenceSlug: conference.slug,
        speakerSlugs: spec.speakers,
        videoUrl: video?.url ?? null,
        youtubeId: video === undefined ? null : new URL(video.url).searchParams.get('v'),
        videoStart: null,
        summary: spec.notes.split('. ')[0] ?? null,
        notes: spec.notes,
        topicSlugs: spec.topics,
        citations,
        mentions: spec.tools.map(([toolSlug, via, text], i) => ({
          toolSlug,
          talkSlug: spec.slug,
          via,
          evidence: [{ path, line: line + 3 + i, text }],
        })),
        source: { path, line },
        endLine: line + 8,
        date: null,
      });
      conference.talkSlugs.push(spec.slug);
      line += 10;
    }
    posts.push({
      path,
      title: `Notes from ${conference.name}`,
      date: null,
      tags,
      categories: [],
      description: null,
      draft: false,
      frontMatter: { title: `Notes from ${conference.name}`, tags },
      conferenceSlug: conference.slug,
      talkSlugs: specs.map((s) => s.slug),
    });
  };
  addPost(KUBECON_POST, conferences[0] as ConferenceModel, ['kubernetes'], kubeconTalks);
  addPost(DEVOPS_POST, conferences[1] as ConferenceModel, ['devops'], devopsTalks);

  const speakers: SpeakerModel[] = [...speakerTalks].map(([slug, talkSlugs]) => ({
    slug,
    name: SPEAKER_NAMES[slug] ?? slug,
    affiliation: null,
    talkSlugs,
  }));

  return {
    conferences,
    talks,
    tools,
    topics,
    speakers,
    links: [...linkMap.values()],
    posts,
    diagnostics: [
      {
        code: 'TALK_NO_VIDEO',
        severity: 'INFO',
        path: DEVOPS_POST,
        line: 1,
        message: 'example diagnostic',
      },
    ],
  };
}
