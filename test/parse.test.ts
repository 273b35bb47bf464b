/**
 * Unit tests of the parsing and extraction building blocks: front matter,
 * markdown blocks and links, URL normalisation and classification, YouTube
 * references, talk headings and speaker lines, conference titles, dates and
 * places.
 */
import { describe, expect, it } from 'vitest';
import { conferenceFromTitle, findDateRange, findLocation } from '../src/extract/conferences.js';
import {
  classifyLink,
  isNormalised,
  type NormalisedUrl,
  normaliseUrl,
  repositoryRoot,
} from '../src/extract/links.js';
import { parseTalkHeading, speakersFromLine } from '../src/extract/speakers.js';
import { parseOffset, parseYouTube, youTubeUrl } from '../src/extract/videos.js';
import type { LinkKind } from '../src/graph/types.js';
import { type FrontMatter, keyLine, parseFrontMatter } from '../src/parse/frontmatter.js';
import { type Block, parseMarkdown } from '../src/parse/markdown.js';
import { createSource } from '../src/parse/source.js';

function frontMatter(text: string): FrontMatter {
  const result = parseFrontMatter(createSource('posts/p.md', text));
  if (!result.ok) throw new Error(`front matter failed: ${result.error.message}`);
  return result.value;
}

function frontMatterError(text: string) {
  const result = parseFrontMatter(createSource('posts/p.md', text));
  if (result.ok) throw new Error('front matter parsed but should not have');
  return result.error;
}

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

function youtube(raw: string) {
  return parseYouTube(new URL(raw));
}

describe('parseFrontMatter', () => {
  it('reads TOML front matter between +++ lines', () => {
    const fm = frontMatter('+++\ntitle = "Notes"\ndate = 2019-05-02\ntags = ["go", "k8s"]\n+++\n\nBody\n');
    expect(fm.format).toBe('toml');
    expect(fm.data).toEqual({ title: 'Notes', date: '2019-05-02', tags: ['go', 'k8s'] });
    expect(fm.bodyLine).toBe(6);
    expect(fm.body).toBe('\nBody\n');
  });

  it('reads YAML front matter between --- lines, with dates as written', () => {
    const fm = frontMatter('---\ntitle: Notes\ndate: 2019-05-02\ndraft: true\n---\nBody');
    expect(fm.format).toBe('yaml');
    expect(fm.data).toEqual({ title: 'Notes', date: '2019-05-02', draft: true });
    expect(fm.bodyLine).toBe(6);
    expect(fm.body).toBe('Body');
  });

  it('reads JSON front matter, an object opening the file', () => {
    const fm = frontMatter('{\n  "title": "Notes",\n  "tags": ["a"]\n}\nBody\n');
    expect(fm.format).toBe('json');
    expect(fm.data).toEqual({ title: 'Notes', tags: ['a'] });
    expect(fm.bodyLine).toBe(5);
    expect(fm.body).toBe('Body\n');
  });

  it('reads a file without front matter as all body', () => {
    const fm = frontMatter('# Title\n\nText\n');
    expect(fm.format).toBe('none');
    expect(fm.data).toEqual({});
    expect(fm.bodyLine).toBe(1);
    expect(fm.body).toBe('# Title\n\nText\n');
  });

  it('reads front matter after a byte-order mark and with CRLF line endings', () => {
    expect(frontMatter('\uFEFF---\ntitle: bom\n---\n').data).toEqual({ title: 'bom' });
    const crlf = frontMatter('+++\r\ntitle = "crlf"\r\n+++\r\nBody');
    expect(crlf.data).toEqual({ title: 'crlf' });
    expect(crlf.bodyLine).toBe(4);
    expect(crlf.body).toBe('Body');
  });

  it('reports malformed TOML with its file line and column', () => {
    const error = frontMatterError('+++\ntitle = "x"\ndate = \n+++\n');
    expect(error).toMatchObject({ code: 'FRONTMATTER_INVALID', severity: 'ERROR', path: 'posts/p.md' });
    expect([error.line, error.column]).toEqual([3, 8]);
    expect(error.message).toMatch(/^TOML/);
  });

  it('reports malformed YAML with its file line and column', () => {
    const error = frontMatterError('---\ntitle: x\ntags:\n  - a\n - b\n---\n');
    expect(error).toMatchObject({ code: 'FRONTMATTER_INVALID', severity: 'ERROR' });
    expect([error.line, error.column]).toEqual([5, 2]);
    expect(error.message).toMatch(/^YAML/);
  });

  it('reports malformed JSON with its file line and column', () => {
    const missingComma = frontMatterError('{\n  "title": "x",\n  "date": 2019-01-01\n}\n');
    expect([missingComma.line, missingComma.column]).toEqual([3, 15]);
    expect(missingComma.message).toMatch(/^JSON/);
    const trailingComma = frontMatterError('{\n  "title": "x",\n}\n');
    expect([trailingComma.line, trailingComma.column]).toEqual([3, 1]);
  });

  it('reports front matter that is never closed, in each format', () => {
    for (const text of [
      '+++\ntitle = "x"\n\nBody\n',
      '---\ntitle: x\n\nBody\n',
      '{\n  "title": "x"\n\nBody\n',
    ]) {
      const error = frontMatterError(text);
      expect(error).toMatchObject({ code: 'FRONTMATTER_UNCLOSED', severity: 'ERROR', line: 1 });
    }
  });

  it('refuses front matter that is not a table of fields', () => {
    expect(frontMatterError('---\n- a\n- b\n---\n').code).toBe('FRONTMATTER_INVALID');
  });

  it('finds the file line of a key in each format, the first line when absent', () => {
    expect(keyLine(frontMatter('+++\ntitle = "x"\ndate = "3018-05-16"\n+++\n'), 'date')).toBe(3);
    expect(keyLine(frontMatter('---\ntitle: x\n\ndate: 2019-01-01\n---\n'), 'date')).toBe(4);
    expect(keyLine(frontMatter('{\n  "title": "x",\n  "date": "2019"\n}\n'), 'date')).toBe(3);
    expect(keyLine(frontMatter('---\ntitle: x\n---\n'), 'date')).toBe(1);
    // A key is matched whole: `dated` is not `date`.
    expect(keyLine(frontMatter('---\ndated: x\ndate: y\n---\n'), 'date')).toBe(3);
  });
});

describe('parseMarkdown', () => {
  const BODY = [
    '# Title', // 5
    '',
    'Intro with [the docs](https://example.com/docs), <https://auto.example.com/x> and https://bare.example.com/y.', // 7
    '',
    '## Talk', // 9
    '',
    '- Video Link: https://youtu.be/abcdefghijk', // 11
    '- Github Link: [repo](https://github.com/a/b)', // 12
    '- {{< youtube bcdefghijkl >}}', // 13
    '- {{< youtube id="cdefghijklm" >}}', // 14
    '- {{% vimeo 12345 %}}', // 15
    '- {< youtube defghijklmn >}', // 16
    '',
    '<iframe width="560" src="https://www.youtube.com/embed/efghijklmno" frameborder="0"></iframe>', // 18
    'Read right under https://under.example.com', // 19
    '',
    '```', // 21
    'https://in-code.example.com',
    '```', // 23
    'Inline `https://code.example.com` span.', // 24
    '',
    'First line', // 26
    'second line https://second.example.com', // 27
    '',
    '---', // 29
    '',
    '<div><iframe src="//www.youtube.com/embed/fghijklmnop"></iframe></div>', // 31
  ].join('\n');
  const doc = parseMarkdown(BODY, 5);
  const blockAt = (line: number): Block => {
    const block = doc.blocks.find((b) => b.line === line);
    if (block === undefined) throw new Error(`no block at line ${line}`);
    return block;
  };

  it('gives blocks their kind, level and file lines', () => {
    expect(doc.blocks.map((b) => [b.kind, b.line, b.level])).toEqual([
      ['heading', 5, 1],
      ['paragraph', 7, 0],
      ['heading', 9, 2],
      ['paragraph', 11, 0],
      ['paragraph', 12, 0],
      ['paragraph', 13, 0],
      ['paragraph', 14, 0],
      ['paragraph', 15, 0],
      ['paragraph', 16, 0],
      ['html', 18, 0],
      ['paragraph', 19, 0],
      ['code', 21, 0],
      ['paragraph', 24, 0],
      ['paragraph', 26, 0],
      ['html', 31, 0],
    ]);
    expect(blockAt(21).endLine).toBe(23);
    expect(blockAt(26).endLine).toBe(27);
    expect(blockAt(11).listDepth).toBe(1);
    expect(blockAt(7).listDepth).toBe(0);
    expect(doc.breaks).toEqual([29]);
  });

  it('tells markdown links, autolinks and bare URLs apart', () => {
    expect(blockAt(7).links.map((l) => [l.origin, l.href, l.text, l.line])).toEqual([
      ['markdown', 'https://example.com/docs', 'the docs', 7],
      ['autolink', 'https://auto.example.com/x', null, 7],
      ['bare', 'https://bare.example.com/y', null, 7],
    ]);
  });

  it('keeps "Video Link:" as the text before a link and marks it as a label', () => {
    const block = blockAt(11);
    expect(block.links.map((l) => [l.href, l.before])).toEqual([
      ['https://youtu.be/abcdefghijk', 'Video Link:'],
    ]);
    expect(block.runs.filter((r) => r.label === true).map((r) => r.text.trim())).toEqual(['Video Link:']);
    const github = blockAt(12);
    expect(github.links.map((l) => [l.href, l.text, l.before])).toEqual([
      ['https://github.com/a/b', 'repo', 'Github Link:'],
    ]);
  });

  it('reads Hugo shortcodes, flagging the single-brace form as malformed', () => {
    const codes = [13, 14, 15, 16].map((line) => blockAt(line).links[0]);
    expect(codes.map((l) => [l?.origin, l?.shortcode, l?.href, l?.line, l?.malformed])).toEqual([
      ['shortcode', 'youtube', 'https://www.youtube.com/watch?v=bcdefghijkl', 13, false],
      ['shortcode', 'youtube', 'https://www.youtube.com/watch?v=cdefghijklm', 14, false],
      ['shortcode', 'vimeo', 'https://vimeo.com/12345', 15, false],
      ['shortcode', 'youtube', 'https://www.youtube.com/watch?v=defghijklmn', 16, true],
    ]);
  });

  it('reads iframe sources, protocol-relative ones as https', () => {
    expect(blockAt(18).links.map((l) => [l.origin, l.href, l.line])).toEqual([
      ['html', 'https://www.youtube.com/embed/efghijklmno', 18],
    ]);
    expect(blockAt(31).links.map((l) => [l.origin, l.href, l.line])).toEqual([
      ['html', 'https://www.youtube.com/embed/fghijklmnop', 31],
    ]);
  });

  it('reads markdown written right under an HTML block as markdown, at its own line', () => {
    expect(blockAt(19).links.map((l) => [l.href, l.line])).toEqual([['https://under.example.com', 19]]);
  });

  it('finds no links in code blocks or code spans', () => {
    expect(blockAt(21).links).toEqual([]);
    expect(blockAt(24).links).toEqual([]);
    expect(blockAt(24).runs.some((r) => r.code && r.text.includes('code.example.com'))).toBe(true);
  });

  it('gives a link on the second line of a paragraph that line', () => {
    expect(blockAt(26).links.map((l) => [l.href, l.line])).toEqual([['https://second.example.com', 27]]);
  });

  it('does not read bare domain names in prose as links', () => {
    const [block] = parseMarkdown(
      'We use prometheus.io and gvisor.dev daily, see https://gvisor.dev/docs.',
      1,
    ).blocks;
    expect(block?.links.map((l) => l.href)).toEqual(['https://gvisor.dev/docs']);
    expect(block?.text).toContain('prometheus.io');
  });
});

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
});

describe('YouTube references', () => {
  it('reads the id from watch, youtu.be, embed, shorts, live and nocookie URLs', () => {
    for (const raw of [
      'https://www.youtube.com/watch?v=OUYTNywPk-s',
      'https://youtu.be/OUYTNywPk-s',
      'https://www.youtube.com/embed/OUYTNywPk-s',
      'https://www.youtube.com/shorts/OUYTNywPk-s',
      'https://www.youtube.com/live/OUYTNywPk-s',
      'https://www.youtube-nocookie.com/embed/OUYTNywPk-s',
      'https://m.youtube.com/watch?v=OUYTNywPk-s',
    ]) {
      expect(youtube(raw), raw).toEqual({ id: 'OUYTNywPk-s', start: null, list: null });
    }
  });

  it('reads start offsets from t=, start= and #t=', () => {
    expect(youtube('https://www.youtube.com/watch?v=_CFgSksTT54&t=90')?.start).toBe(90);
    expect(youtube('https://www.youtube.com/watch?v=_CFgSksTT54&t=1m30s')?.start).toBe(90);
    expect(youtube('https://youtu.be/_CFgSksTT54?t=42')?.start).toBe(42);
    expect(youtube('https://www.youtube.com/embed/_CFgSksTT54?start=30')?.start).toBe(30);
    expect(youtube('https://www.youtube.com/watch?v=_CFgSksTT54#t=2m')?.start).toBe(120);
  });

  it('keeps the playlist apart from the video', () => {
    expect(youtube('https://www.youtube.com/watch?v=8iQRJXJHiZ8&list=PLj6h78yzYM2N8')).toEqual({
      id: '8iQRJXJHiZ8',
      start: null,
      list: 'PLj6h78yzYM2N8',
    });
    expect(youtube('https://www.youtube.com/playlist?list=PLj6h78yzYM2N8')).toEqual({
      id: null,
      start: null,
      list: 'PLj6h78yzYM2N8',
    });
    expect(youtube('https://www.youtube.com/embed/videoseries?list=PL9')?.id).toBeNull();
  });

  it('ignores other YouTube pages, malformed ids and other hosts', () => {
    expect(youtube('https://www.youtube.com/channel/UC123')).toBeNull();
    expect(youtube('https://www.youtube.com/watch?v=short')).toBeNull();
    expect(youtube('https://example.com/watch?v=OUYTNywPk-s')).toBeNull();
  });

  it('parses offsets in seconds, h/m/s and clock forms', () => {
    expect(parseOffset('90')).toBe(90);
    expect(parseOffset('90s')).toBe(90);
    expect(parseOffset('1m30s')).toBe(90);
    expect(parseOffset('1h2m3s')).toBe(3723);
    expect(parseOffset('01:30')).toBe(90);
    expect(parseOffset('1:02:03')).toBe(3723);
    expect(parseOffset('soon')).toBeNull();
    expect(parseOffset(null)).toBeNull();
  });

  it('writes one canonical watch URL, with list and offset', () => {
    expect(youTubeUrl({ id: 'H06qrNmGqyE', start: 90, list: null })).toBe(
      'https://www.youtube.com/watch?v=H06qrNmGqyE&t=90s',
    );
    expect(youTubeUrl({ id: 'H06qrNmGqyE', start: 0, list: 'PL1' })).toBe(
      'https://www.youtube.com/watch?v=H06qrNmGqyE&list=PL1',
    );
    expect(youTubeUrl({ id: null, start: null, list: 'PL1' })).toBe(
      'https://www.youtube.com/playlist?list=PL1',
    );
  });
});

describe('talk headings and speakers', () => {
  it('reads "Keynote: Title - Jane Doe" as the title and the speaker', () => {
    expect(parseTalkHeading('Keynote: Building Reliable Systems - Jane Doe')).toMatchObject({
      title: 'Building Reliable Systems',
      speakers: ['Jane Doe'],
    });
  });

  it('reads "Title by Jane Doe"', () => {
    expect(parseTalkHeading('Building Reliable Systems by Jane Doe')).toMatchObject({
      title: 'Building Reliable Systems',
      speakers: ['Jane Doe'],
    });
  });

  it('reads "Title (Jane Doe, Acme)" without taking the company for a speaker', () => {
    expect(parseTalkHeading('Building Reliable Systems (Jane Doe, Acme)')).toMatchObject({
      title: 'Building Reliable Systems',
      speakers: ['Jane Doe'],
    });
  });

  it('keeps "Kubernetes Project Update - Google" as the whole title', () => {
    expect(parseTalkHeading('Kubernetes Project Update - Google')).toMatchObject({
      title: 'Kubernetes Project Update - Google',
      speakers: [],
    });
    expect(parseTalkHeading('Container Native observability & security from Google Cloud')).toMatchObject({
      title: 'Container Native observability & security from Google Cloud',
      speakers: [],
    });
  });

  it('reads several speakers, name particles, and a name before the title', () => {
    expect(parseTalkHeading('1. Talk: Intro to Go - Ann Lee and Bob Stone')).toMatchObject({
      title: 'Intro to Go',
      speakers: ['Ann Lee', 'Bob Stone'],
    });
    expect(parseTalkHeading('Scaling with gRPC | Maria von Trapp').speakers).toEqual(['Maria von Trapp']);
    expect(parseTalkHeading('Jane Doe - Building reliable things')).toMatchObject({
      title: 'Building reliable things',
      speakers: ['Jane Doe'],
    });
  });

  it('does not take words after "by" for a speaker when they are not a name', () => {
    expect(parseTalkHeading('Stand by Me')).toMatchObject({ title: 'Stand by Me', speakers: [] });
    expect(parseTalkHeading('Workshop: Hands on Rust')).toMatchObject({
      title: 'Hands on Rust',
      speakers: [],
    });
  });

  it('reads speaker lines', () => {
    expect(speakersFromLine('Speaker: Jane Doe (Acme)')).toEqual(['Jane Doe']);
    expect(speakersFromLine('Speakers: Ann Lee, Bob Stone')).toEqual(['Ann Lee', 'Bob Stone']);
    expect(speakersFromLine('by John Smith')).toEqual(['John Smith']);
    expect(speakersFromLine('Speakers: the whole team')).toBeNull();
    expect(speakersFromLine('Notes taken quickly')).toBeNull();
  });

  it('reads "Presented by Ann Lee and Bob Stone" as a speaker line', () => {
    expect(speakersFromLine('Presented by Ann Lee and Bob Stone')).toEqual(['Ann Lee', 'Bob Stone']);
  });
});

describe('conferences', () => {
  it('infers the conference from "Lessons from X", "Notes from X 2019", recaps and highlights', () => {
    expect(conferenceFromTitle('Lessons from Kubecon/CloudNativeCon 2018 Europe')).toEqual({
      name: 'Kubecon/CloudNativeCon 2018 Europe',
      year: 2018,
    });
    expect(conferenceFromTitle('Notes from GopherCon 2019')).toEqual({ name: 'GopherCon 2019', year: 2019 });
    expect(conferenceFromTitle('KubeCon EU 2019 recap')).toEqual({ name: 'KubeCon EU 2019', year: 2019 });
    expect(conferenceFromTitle('Highlights from QCon London 2020')).toEqual({
      name: 'QCon London 2020',
      year: 2020,
    });
    expect(conferenceFromTitle('Attending FOSDEM 2020')).toEqual({ name: 'FOSDEM 2020', year: 2020 });
  });

  it('drops a day or part suffix from the conference name', () => {
    expect(conferenceFromTitle('GopherCon 2019 - Day 2')).toEqual({ name: 'GopherCon 2019', year: 2019 });
  });

  it('finds no conference in a title that is not about one', () => {
    expect(conferenceFromTitle('Setting up my home router')).toBeNull();
    expect(conferenceFromTitle('Lessons learned from migrating to Go')).toBeNull();
  });

  it('infers the conference from "Notes from X 2020" whatever X is called', () => {
    expect(conferenceFromTitle('Notes from RustConf 2020')).toEqual({ name: 'RustConf 2020', year: 2020 });
    expect(conferenceFromTitle('Notes from DevOpsDays 2019')).toEqual({
      name: 'DevOpsDays 2019',
      year: 2019,
    });
  });

  it('reads date ranges written in four forms', () => {
    const range = (text: string) => {
      const r = findDateRange(text);
      return r === null ? null : [r.startDate, r.endDate, r.year];
    };
    expect(range('in Denmark from 2-4 May 2018.')).toEqual(['2018-05-02', '2018-05-04', 2018]);
    expect(range('held May 20-23, 2019 in Barcelona')).toEqual(['2019-05-20', '2019-05-23', 2019]);
    expect(range('from 30 May - 1 June 2019')).toEqual(['2019-05-30', '2019-06-01', 2019]);
    expect(range('May 30 - June 1, 2019')).toEqual(['2019-05-30', '2019-06-01', 2019]);
    expect(range('2019-05-20 to 2019-05-23')).toEqual(['2019-05-20', '2019-05-23', 2019]);
    expect(range('from the 20th to 23rd of May 2019')).toEqual(['2019-05-20', '2019-05-23', 2019]);
  });

  it('refuses impossible dates and text without a range', () => {
    expect(findDateRange('31-32 May 2018')).toBeNull();
    expect(findDateRange('a great conference in May')).toBeNull();
  });

  it('takes the first range in the text and says where it is', () => {
    const text = 'KubeCon ran 2-4 May 2018; the next one is 20-23 May 2019.';
    const r = findDateRange(text);
    expect(r?.startDate).toBe('2018-05-02');
    expect(text.slice(r?.index ?? 0, (r?.index ?? 0) + (r?.length ?? 0))).toBe('2-4 May 2018');
  });

  it('reads the location near the date range', () => {
    const at = (text: string) => findLocation(text, findDateRange(text));
    expect(at('The following summaries are from KubeCon in Denmark from 2-4 May 2018.')).toBe('Denmark');
    expect(at('The conference was held in Copenhagen, Denmark from 2-4 May 2018.')).toBe(
      'Copenhagen, Denmark',
    );
    expect(at('GopherCon took place in San Diego on July 24-27, 2019.')).toBe('San Diego');
    expect(at('It was held May 20-23, 2019 in Barcelona')).toBe('Barcelona');
    expect(at('We met at the venue. It was in May 2019.')).toBeNull();
  });
});
