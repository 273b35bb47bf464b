/**
 * What is one node and what is two: registry entries sharing a slug, one
 * event written two ways, two projects sharing a repository name.
 */
import { describe, expect, it } from 'vitest';
import { indexPosts } from './helpers/indexText.js';

describe('merging and keeping apart', () => {
  it('keeps the first of two registry files with one slug and reports the second', () => {
    const data = indexPosts({
      'conferences/a.md': '---\nname: FooConf 2019\nlocation: Oslo, Norway\n---\n',
      'conferences/b.md': '---\nname: FooConf 2019\nlocation: Bergen, Norway\n---\n',
      'topics/a.md': '---\nname: Security\naliases: [infosec]\n---\n',
      'topics/b.md': '---\nname: Security\n---\n',
    });
    expect(data.conferences.map((c) => c.location)).toEqual(['Oslo, Norway']);
    expect(data.topics.find((t) => t.slug === 'security')?.aliases).toEqual(['infosec']);
    expect(data.diagnostics.filter((d) => d.code === 'DUPLICATE_SLUG').map((d) => d.path)).toEqual([
      'conferences/b.md',
      'topics/b.md',
    ]);
  });

  it('makes "SREcon19 Europe" and "SREcon Europe 2019" one conference', () => {
    const data = indexPosts({
      'a.md': '---\ntitle: SREcon19 Europe notes\n---\n## One\n- Video: https://youtu.be/abcdefghijk\n',
      'b.md':
        '---\ntitle: Notes from SREcon Europe 2019\n---\n## Two\n- Video: https://youtu.be/bbcdefghijk\n',
    });
    expect(data.conferences).toHaveLength(1);
    expect(data.conferences[0]?.talkSlugs).toEqual(['one', 'two']);
  });

  it("keeps two owners' repositories of one name as two inferred tools", () => {
    const data = indexPosts({
      'a.md':
        '---\ntitle: Notes from FooConf 2019\n---\n## One\n- Video: https://youtu.be/abcdefghijk\n- https://github.com/alice/widget\n',
      'b.md':
        '---\ntitle: Notes from FooConf 2019\n---\n## Two\n- Video: https://youtu.be/bbcdefghijk\n- https://github.com/bob/widget\n',
    });
    const widgets = data.tools.filter((t) => t.inferred);
    expect(widgets.map((t) => [t.slug, t.repositoryUrl])).toEqual([
      ['widget', 'https://github.com/alice/widget'],
      ['bob-widget', 'https://github.com/bob/widget'],
    ]);
    expect(data.talks.map((t) => t.mentions.map((m) => m.toolSlug))).toEqual([['widget'], ['bob-widget']]);
  });
});
