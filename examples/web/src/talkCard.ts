// One talk in a list: its YouTube thumbnail (an image, never an embedded player), title,
// conference and date. Used by the talks list and the tool page.
import { h, link } from './dom';

export interface TalkCardData {
  id: string;
  slug: string;
  title: string;
  date?: string | null;
  thumbnailUrl?: string | null;
  speakers?: { name: string }[];
  conference?: { name: string; slug: string; startDate?: string | null; year?: number | null } | null;
}

/** The date to show: the conference's first day, else the notes' date as written. */
export function talkDate(talk: TalkCardData): string | null {
  return talk.conference?.startDate ?? talk.date ?? null;
}

export function talkCard(talk: TalkCardData): HTMLElement {
  const href = `/talks/${encodeURIComponent(talk.slug)}`;
  const date = talkDate(talk);
  return h(
    'li',
    { class: 'talk-card' },
    talk.thumbnailUrl
      ? link(href, h('img', { src: talk.thumbnailUrl, alt: '', loading: 'lazy', width: 160, height: 90 }))
      : h('div', { class: 'thumb-missing', 'aria-hidden': 'true' }, 'no video'),
    h(
      'div',
      {},
      h('h3', {}, link(href, talk.title)),
      talk.speakers && talk.speakers.length > 0
        ? h('div', {}, talk.speakers.map((s) => s.name).join(', '))
        : null,
      h(
        'div',
        { class: 'muted' },
        talk.conference
          ? link(`/talks?conference=${encodeURIComponent(talk.conference.slug)}`, talk.conference.name)
          : null,
        date ? h('span', {}, talk.conference ? ` · ${date}` : date) : null,
      ),
    ),
  );
}
