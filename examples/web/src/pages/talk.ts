// Talk page: title, kind and speakers, the video link with its start, the notes, the tools it
// mentions with the lines that show why, its links grouped by kind, and related talks with reasons.
import { query } from '../client';
import { clock, errorBox, external, fill, h, link, loading, setTitle, sourceRef } from '../dom';
import { graphql } from '../gql';
import type { LinkKind, TalkKind, TalkPageQuery } from '../gql/graphql';
import { graphHref } from '../labels';
import { type PageContext, reload } from '../router';
import { talkDate } from '../talkCard';

const TalkQuery = graphql(`
  query TalkPage($slug: String!) {
    talk(slug: $slug) {
      id
      slug
      title
      date
      kind
      summary
      notesHtml
      videoUrl
      videoStart
      youtubeId
      source { path line }
      speakers { id name slug affiliation }
      conference { id name slug year startDate location }
      topics { id name slug }
      toolMentions {
        via
        tool { id name slug }
        evidence { path line text }
      }
      links { id url kind label host }
      relatedTalks(first: 6) {
        score
        talk { id slug title conference { id name } }
        sharedTools { id name slug }
        sharedTopics { id name slug }
      }
    }
  }
`);

type Talk = NonNullable<TalkPageQuery['talk']>;

const KIND_NAMES: Record<LinkKind, string> = {
  VIDEO: 'Videos',
  PLAYLIST: 'Playlists',
  SLIDES: 'Slides',
  REPOSITORY: 'Repositories',
  DOCUMENTATION: 'Documentation',
  ARTICLE: 'Articles',
  PODCAST: 'Podcasts',
  WEBSITE: 'Websites',
  OTHER: 'Other links',
};

const TALK_KINDS: Record<TalkKind, string> = {
  KEYNOTE: 'Keynote',
  TALK: 'Talk',
  WORKSHOP: 'Workshop',
  PANEL: 'Panel',
  LIGHTNING: 'Lightning talk',
};

/** The notes as the API renders them: its HTML is sanitised server-side (no scripts, handlers or frames). */
function notesElement(html: string | null | undefined): HTMLElement {
  if (!html) return h('p', { class: 'muted' }, 'No notes.');
  const box = h('div', { class: 'notes' });
  box.innerHTML = html;
  return box;
}

const VIA_NAMES = {
  NAME: 'named',
  ALIAS: 'named by an alias',
  REPOSITORY: 'repository linked',
  WEBSITE: 'website linked',
};

/** The video URL that starts where the notes say (YouTube takes `t=` in seconds). */
function videoHref(talk: Talk): string | null {
  if (talk.youtubeId) {
    const start = talk.videoStart ? `&t=${talk.videoStart}s` : '';
    return `https://www.youtube.com/watch?v=${encodeURIComponent(talk.youtubeId)}${start}`;
  }
  return talk.videoUrl ?? null;
}

function toolsSection(talk: Talk): HTMLElement {
  if (talk.toolMentions.length === 0) return h('p', { class: 'muted' }, 'No tools mentioned.');
  return h(
    'ul',
    { class: 'mentions' },
    talk.toolMentions.map((m) =>
      h(
        'li',
        {},
        link(`/tools/${encodeURIComponent(m.tool.slug)}`, h('strong', {}, m.tool.name)),
        h('span', { class: 'muted' }, ` — ${VIA_NAMES[m.via]}`),
        h(
          'ul',
          { class: 'evidence' },
          m.evidence.map((e) => h('li', {}, h('q', {}, e.text), ' ', sourceRef(e.path, e.line))),
        ),
      ),
    ),
  );
}

function linksSection(talk: Talk): HTMLElement {
  const groups = new Map<LinkKind, Talk['links']>();
  for (const l of talk.links) groups.set(l.kind, [...(groups.get(l.kind) ?? []), l]);
  if (groups.size === 0) return h('p', { class: 'muted' }, 'No links.');
  return h(
    'div',
    { class: 'link-groups' },
    [...groups].map(([kind, links]) =>
      h(
        'section',
        {},
        h('h3', {}, KIND_NAMES[kind]),
        h(
          'ul',
          { class: 'plain' },
          links.map((l) =>
            h('li', {}, external(l.url, l.label || l.url), h('span', { class: 'muted' }, ` · ${l.host}`)),
          ),
        ),
      ),
    ),
  );
}

function relatedSection(talk: Talk): HTMLElement {
  if (talk.relatedTalks.length === 0) return h('p', { class: 'muted' }, 'No related talks.');
  return h(
    'ul',
    { class: 'related' },
    talk.relatedTalks.map((r) => {
      const reasons = [
        r.sharedTools.length > 0 ? `tools: ${r.sharedTools.map((t) => t.name).join(', ')}` : '',
        r.sharedTopics.length > 0 ? `topics: ${r.sharedTopics.map((t) => t.name).join(', ')}` : '',
      ].filter(Boolean);
      return h(
        'li',
        {},
        link(`/talks/${encodeURIComponent(r.talk.slug)}`, r.talk.title),
        r.talk.conference ? h('span', { class: 'muted' }, ` · ${r.talk.conference.name}`) : null,
        h('div', { class: 'muted reason' }, `Shares ${reasons.join('; ')}`),
      );
    }),
  );
}

export async function talkPage({ outlet, params, isCurrent }: PageContext): Promise<void> {
  const slug = params.slug ?? '';
  setTitle(slug);
  outlet.append(loading());
  try {
    const { talk } = await query(TalkQuery, { slug });
    if (!isCurrent()) return;
    if (!talk) {
      outlet.replaceChildren(
        h('h1', {}, 'Unknown talk'),
        h('p', {}, `No talk is called “${slug}”. `, link('/talks', 'All talks')),
      );
      return;
    }
    setTitle(talk.title);
    const video = videoHref(talk);
    const date = talkDate(talk);
    fill(
      outlet,
      h(
        'p',
        { class: 'kicker' },
        h('span', { class: 'badge', 'data-kind': talk.kind }, TALK_KINDS[talk.kind]),
        talk.conference
          ? [' ', link(`/talks?conference=${encodeURIComponent(talk.conference.slug)}`, talk.conference.name)]
          : null,
        date ? ` · ${date}` : null,
      ),
      h('h1', {}, talk.title),
      talk.speakers.length > 0
        ? h(
            'p',
            { class: 'speakers' },
            'By ',
            talk.speakers.flatMap((s, i) => [
              i > 0 ? ', ' : '',
              link(`/talks?speaker=${encodeURIComponent(s.slug)}`, s.name),
              s.affiliation ? h('span', { class: 'muted affiliation' }, ` (${s.affiliation})`) : null,
            ]),
          )
        : null,
      video
        ? h(
            'p',
            {},
            external(
              video,
              talk.videoStart ? `▶ Watch the video from ${clock(talk.videoStart)}` : '▶ Watch the video',
            ),
          )
        : h('p', { class: 'muted' }, 'No video.'),
      h(
        'p',
        { class: 'muted' },
        'Notes from ',
        sourceRef(talk.source.path, talk.source.line),
        ' · ',
        link(graphHref(talk.id), 'See it in the graph'),
      ),
      h('h2', {}, 'Notes'),
      notesElement(talk.notesHtml),
      talk.topics.length > 0
        ? h(
            'p',
            {},
            'Topics: ',
            talk.topics.flatMap((t, i) => [
              i > 0 ? ', ' : '',
              link(`/talks?topic=${encodeURIComponent(t.slug)}`, t.name),
            ]),
          )
        : null,
      h('h2', {}, 'Tools, and why'),
      toolsSection(talk),
      h('h2', {}, 'Links'),
      linksSection(talk),
      h('h2', {}, 'Related talks'),
      relatedSection(talk),
    );
  } catch (error) {
    if (isCurrent()) outlet.replaceChildren(errorBox((error as Error).message, reload));
  }
}
