/**
 * Suggested tools: terms that look like tools but are unknown, without the
 * names of places and events that also look like names.
 */
import { describe, expect, it } from 'vitest';
import { indexPosts } from '../helpers/indexText.js';

const post = (n: number) => `---
title: Notes from KubeCon + CloudNativeCon North America 2019
---
KubeCon was held in San Diego, California from November 18-21, 2019.

## Talk ${n}

- Video: https://youtu.be/abcdefghij${n}
- We switch clusters with \`clusterhop\` and the team in San Diego uses FluxBench for load tests.
- Grafana dashboards came from the Prometheus mixins.
`;

describe('suggested tools', () => {
  it('suggests recurring code-styled and inner-capital terms, not the event or its city', () => {
    const data = indexPosts({ 'a.md': post(1), 'b.md': post(2), 'c.md': post(3) }, { catalogue: true });
    const terms = (data.suggestions ?? []).map((s) => s.term);
    expect(terms).toEqual(expect.arrayContaining(['clusterhop', 'FluxBench']));
    for (const word of ['KubeCon', 'CloudNativeCon', 'Diego', 'California', 'Grafana', 'Prometheus']) {
      expect(terms).not.toContain(word);
    }
    const clusterhop = data.suggestions?.find((s) => s.term === 'clusterhop');
    expect(clusterhop).toMatchObject({ reason: 'CODE', talkSlugs: ['talk-1', 'talk-2', 'talk-3'] });
    expect(clusterhop?.occurrences[0]).toMatchObject({ path: 'posts/a.md', line: 9 });
  });
});
