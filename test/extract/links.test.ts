/**
 * URLs as the indexer keys and classifies them: normalisation, repository
 * roots and link kinds.
 */
import { describe, expect, it } from 'vitest';
import {
  classifyLink,
  isNormalised,
  type NormalisedUrl,
  normaliseUrl,
  repositoryRoot,
} from '../../src/extract/links.js';
import type { LinkKind } from '../../src/graph/types.js';

function normalised(raw: string): NormalisedUrl {
  const n = normaliseUrl(raw);
  if (!isNormalised(n)) throw new Error(`${raw} did not normalise: ${JSON.stringify(n)}`);
  return n;
}

function url(raw: string): string {
  return normalised(raw).url;
}

function kind(raw: string, label: string | null = null, beforeFirstTalk = false): LinkKind {
  return classifyLink(normalised(raw), label, beforeFirstTalk);
}

describe('normaliseUrl', () => {
  it('drops punctuation after a URL, keeping brackets opened inside it', () => {
    expect(url('https://example.com/a.')).toBe('https://example.com/a');
    expect(url('https://example.com/a,')).toBe('https://example.com/a');
    expect(url('https://example.com/b)')).toBe('https://example.com/b');
    expect(url('https://example.com/c).')).toBe('https://example.com/c');
    expect(url('https://en.wikipedia.org/wiki/Go_(language)')).toBe(
      'https://en.wikipedia.org/wiki/Go_(language)',
    );
  });

  it('drops tracking parameters and keeps the others', () => {
    expect(url('https://example.com/x?utm_source=tw&utm_medium=social&id=3')).toBe(
      'https://example.com/x?id=3',
    );
    expect(url('https://example.com/x?fbclid=abc')).toBe('https://example.com/x');
    expect(url('https://example.com/x?gclid=1&page=2')).toBe('https://example.com/x?page=2');
  });

  it('lower-cases the host, adds https to www addresses and gives the host without www', () => {
    const n = normalised('https://WWW.Example.COM/Path');
    expect(n.url).toBe('https://www.example.com/Path');
    expect(n.host).toBe('example.com');
    expect(url('www.example.com/x')).toBe('https://www.example.com/x');
    expect(url('https://example.com')).toBe('https://example.com/');
  });

  it('treats an empty fragment as no fragment', () => {
    expect(url('https://example.com/x#')).toBe(url('https://example.com/x'));
  });

  it('returns null for things that are not web links', () => {
    for (const raw of [
      'mailto:a@example.com',
      '#anchor',
      '/relative/path',
      './file.md',
      'ftp://example.com/x',
      '',
    ]) {
      expect(normaliseUrl(raw), raw).toBeNull();
    }
  });

  it('marks web-looking addresses that do not parse as invalid', () => {
    expect(normaliseUrl('https://exa mple.com/x')).toEqual({ invalid: 'https://exa mple.com/x' });
    expect(normaliseUrl('https://localhost/x')).toEqual({ invalid: 'https://localhost/x' });
  });

  it('gives every form of one YouTube video the same canonical URL', () => {
    const forms = [
      'https://www.youtube.com/watch?v=abcdefghijk',
      'https://youtube.com/watch?v=abcdefghijk&feature=youtu.be',
      'https://m.youtube.com/watch?v=abcdefghijk',
      'https://youtu.be/abcdefghijk',
      'https://youtu.be/abcdefghijk?si=tracking',
      'https://www.youtube.com/embed/abcdefghijk',
      'https://www.youtube-nocookie.com/embed/abcdefghijk',
      'https://www.youtube.com/shorts/abcdefghijk',
    ];
    for (const raw of forms) expect(url(raw), raw).toBe('https://www.youtube.com/watch?v=abcdefghijk');
  });
});

describe('repositoryRoot', () => {
  it('gives the repository of any URL inside it, and nothing for non-repository pages', () => {
    expect(repositoryRoot(new URL('https://github.com/Azure/draft/tree/master/cmd'))).toBe(
      'https://github.com/azure/draft',
    );
    expect(repositoryRoot(new URL('https://gitlab.com/group/project.git'))).toBe(
      'https://gitlab.com/group/project',
    );
    expect(repositoryRoot(new URL('https://github.com/orgs/kubernetes'))).toBeNull();
    expect(repositoryRoot(new URL('https://github.com/kubernetes'))).toBeNull();
    expect(repositoryRoot(new URL('https://example.com/a/b'))).toBeNull();
  });
});

describe('classifyLink', () => {
  it('classifies GitHub, GitLab and Bitbucket repositories as REPOSITORY', () => {
    expect(kind('https://github.com/google/gvisor')).toBe('REPOSITORY');
    expect(kind('https://github.com/google/gvisor/blob/master/README.md')).toBe('REPOSITORY');
    expect(kind('https://gitlab.com/gitlab-org/gitlab-runner')).toBe('REPOSITORY');
    expect(kind('https://bitbucket.org/atlassian/python-bitbucket')).toBe('REPOSITORY');
  });

  it('classifies Speaker Deck, SlideShare and Google Slides as SLIDES', () => {
    expect(kind('https://speakerdeck.com/jbeda/containers-at-scale')).toBe('SLIDES');
    expect(kind('https://www.slideshare.net/someone/a-deck')).toBe('SLIDES');
    expect(kind('https://docs.google.com/presentation/d/1AbC/edit')).toBe('SLIDES');
  });

  it('classifies podcast hosts and episodes as PODCAST', () => {
    expect(kind('https://kubernetespodcast.com/')).toBe('PODCAST');
    expect(kind('https://podcasts.apple.com/us/podcast/go-time/id1120964487')).toBe('PODCAST');
    expect(kind('https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk')).toBe('PODCAST');
    expect(kind('https://changelog.com/gotime/100')).toBe('PODCAST');
  });

  it('classifies documentation sites and docs paths as DOCUMENTATION', () => {
    expect(kind('https://docs.python.org/3/library/asyncio.html')).toBe('DOCUMENTATION');
    expect(kind('https://kubernetes.io/docs/concepts/')).toBe('DOCUMENTATION');
    expect(kind('https://requests.readthedocs.io/en/latest/')).toBe('DOCUMENTATION');
    expect(kind('https://pkg.go.dev/net/http')).toBe('DOCUMENTATION');
  });

  it('classifies blogs, news sites and dated paths as ARTICLE', () => {
    expect(kind('https://medium.com/@someone/a-post-123')).toBe('ARTICLE');
    expect(kind('https://blog.golang.org/go2-here-we-come')).toBe('ARTICLE');
    expect(kind('https://example.com/blog/why-go')).toBe('ARTICLE');
    expect(kind('https://example.com/2018/05/kubecon-notes')).toBe('ARTICLE');
    expect(kind('https://dev.to/someone/notes')).toBe('ARTICLE');
  });

  it('classifies a site root as WEBSITE', () => {
    expect(kind('https://landscape.cncf.io/')).toBe('WEBSITE');
    expect(kind('https://gvisor.dev')).toBe('WEBSITE');
  });

  it('classifies a YouTube playlist as PLAYLIST, and a watch-with-list URL as one only before any talk', () => {
    expect(kind('https://www.youtube.com/playlist?list=PL123')).toBe('PLAYLIST');
    expect(kind('https://www.youtube.com/watch?v=abcdefghijk&list=PL123', null, true)).toBe('PLAYLIST');
    expect(kind('https://www.youtube.com/watch?v=abcdefghijk&list=PL123', null, false)).toBe('VIDEO');
    expect(kind('https://www.youtube.com/watch?v=abcdefghijk', null, true)).toBe('VIDEO');
  });

  it('classifies other video hosts as VIDEO', () => {
    expect(kind('https://vimeo.com/123456789')).toBe('VIDEO');
    expect(kind('https://www.infoq.com/presentations/some-talk/')).toBe('VIDEO');
  });

  it('falls back on the label for an unknown page, and OTHER without one', () => {
    expect(kind('https://example.com/some/thing')).toBe('OTHER');
    expect(kind('https://example.com/some/thing', 'Slides')).toBe('SLIDES');
    expect(kind('https://example.com/some/thing', 'Blog post')).toBe('ARTICLE');
  });

  it("classifies a conference's event page, before any talk, as WEBSITE", () => {
    expect(kind('https://devopsdays.org/events/2019-singapore/', 'Event page', true)).toBe('WEBSITE');
    expect(kind('https://www.usenix.org/conference/srecon19emea/program', null, true)).toBe('WEBSITE');
    expect(kind('https://monitorama.com/2019/pdx.html', null, true)).toBe('WEBSITE');
    // Known kinds keep their kind there, and the same page inside a talk stays OTHER.
    expect(kind('https://example.com/some/thing', 'Slides', true)).toBe('SLIDES');
    expect(kind('https://www.cncf.io/blog/2019/05/21/day-1-highlights/', null, true)).toBe('ARTICLE');
    expect(kind('https://devopsdays.org/events/2019-singapore/', null, false)).toBe('OTHER');
  });
});
