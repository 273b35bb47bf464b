import { describe, expect, it } from 'vitest';
import { RELATED_LIMIT_MAX, RelatedIndex } from '../../src/graph/related.js';
import { syntheticGraph, TALK } from '../helpers/syntheticGraph.js';

const index = RelatedIndex.build(syntheticGraph());

describe('RelatedIndex', () => {
  it('ranks a talk sharing two tools above one sharing only a post-wide topic', () => {
    const related = index.related(TALK.alerting);
    const slugs = related.map((r) => r.slug);
    expect(slugs[0]).toBe(TALK.dashboards);
    expect(related[0]?.sharedTools).toEqual(expect.arrayContaining(['prometheus', 'grafana']));
    const delivery = related.find((r) => r.slug === TALK.delivery);
    expect(delivery).toMatchObject({ sharedTools: [], sharedTopics: ['devops'] });
    expect(slugs.indexOf(TALK.delivery)).toBeGreaterThan(slugs.indexOf(TALK.dashboards));
    expect(delivery?.score ?? 0).toBeLessThan((related[0]?.score ?? 0) / 4);
  });

  it('ranks a talk of another conference sharing a tool above same-post talks sharing only the post tag', () => {
    const slugs = index.related(TALK.sandboxing).map((r) => r.slug);
    expect(slugs.slice(0, 2)).toEqual([TALK.projectUpdate, TALK.googleObservability]);
    expect(slugs.indexOf(TALK.delivery)).toBeGreaterThan(1);
  });

  it('weighs a topic less when every talk of the post carries it', () => {
    const postWide = index.related(TALK.sandboxing).find((r) => r.slug === TALK.delivery);
    expect(postWide?.sharedTopics).toEqual(['devops']);

    // Add a talk without the devops topic to the same post: devops is no longer post-wide.
    const data = syntheticGraph();
    const post = data.posts.find((p) => p.talkSlugs.includes(TALK.delivery));
    const template = data.talks.find((t) => t.slug === TALK.delivery);
    if (post === undefined || template === undefined) throw new Error('fixture changed');
    data.talks.push({ ...template, slug: 'hallway-track', topicSlugs: [], mentions: [] });
    post.talkSlugs.push('hallway-track');
    const specific = RelatedIndex.build(data)
      .related(TALK.sandboxing)
      .find((r) => r.slug === TALK.delivery);
    expect(specific?.sharedTopics).toEqual(['devops']);
    expect(specific?.score ?? 0).toBeGreaterThan(3 * (postWide?.score ?? 0));
  });

  it('never returns the talk itself and only positive scores', () => {
    for (const slug of Object.values(TALK)) {
      const related = index.related(slug, 50);
      expect(related.map((r) => r.slug)).not.toContain(slug);
      expect(related.every((r) => r.score > 0)).toBe(true);
    }
  });

  it('breaks ties in corpus order', () => {
    const related = index.related(TALK.sandboxing);
    expect(related[0]?.score).toBe(related[1]?.score);
    expect([related[0]?.slug, related[1]?.slug]).toEqual([TALK.projectUpdate, TALK.googleObservability]);
  });

  it('returns nothing for a talk with no shared tool or topic, or an unknown slug', () => {
    const data = syntheticGraph();
    const lonely = data.talks.find((t) => t.slug === TALK.welcome);
    if (lonely === undefined) throw new Error('fixture changed');
    lonely.topicSlugs = [];
    expect(RelatedIndex.build(data).related(TALK.welcome)).toEqual([]);
    expect(index.related('no-such-talk')).toEqual([]);
  });

  it('honours limit, defaulting to 10 and capping at 50', () => {
    const data = syntheticGraph();
    const template = data.talks.find((t) => t.slug === TALK.alerting);
    if (template === undefined) throw new Error('fixture changed');
    for (let i = 0; i < 70; i++) data.talks.push({ ...template, slug: `copy-${i}` });
    const big = RelatedIndex.build(data);
    expect(big.related(TALK.alerting)).toHaveLength(10);
    expect(big.related(TALK.alerting, 2)).toHaveLength(2);
    expect(big.related(TALK.alerting, 500)).toHaveLength(RELATED_LIMIT_MAX);
    expect(big.related(TALK.alerting, 0)).toEqual([]);
  });
});
