/**
 * Rendering a talk's notes: hostile markdown comes out without scripts,
 * event handlers, frames or `javascript:` URLs; relative links become
 * absolute; excerpts are cut at a word.
 */
import { describe, expect, it } from 'vitest';
import { excerptOf } from '../../src/schema/excerpt.js';
import { renderNotesHtml } from '../../src/schema/notesHtml.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src="x.png" onerror="alert(2)">',
  '[click](javascript:alert(3))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==)',
  '<a href="JaVaScRiPt:alert(5)" onclick="alert(6)">x</a>',
  '<iframe src="https://evil.example/"></iframe>',
  '<div style="background:url(javascript:alert(7))" onmouseover="alert(8)">hover</div>',
  '<svg><script>alert(9)</script></svg>',
  '<a href="&#106;avascript:alert(10)">entity</a>',
  '![img](javascript:alert(11))',
  '<form action="https://evil.example/"><input name="q"></form>',
  '<style>body { display: none }</style>',
].join('\n\n');

describe('renderNotesHtml', () => {
  it('removes scripts, event handlers, frames, styles and javascript: URLs from hostile markdown', () => {
    const html = renderNotesHtml(HOSTILE, 'posts/a.md');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son\w+\s*=/i);
    // markdown-it leaves a javascript: link as text; no attribute may carry one.
    expect(html).not.toMatch(/(?:href|src|action)\s*=\s*["']?\s*(?:javascript|data):/i);
    expect(html).not.toMatch(/<a[^>]*href="[^"]*avascript/i);
    expect(html).not.toMatch(/<iframe|<form|<input|<style|<svg/i);
    expect(html).not.toMatch(/style=/i);
    // What is harmless stays: the text of links and the hover text.
    expect(html).toContain('hover');
    expect(html).toContain('entity');
  });

  it('keeps formatting, lists, code and safe links', () => {
    const html = renderNotesHtml(
      'Some **bold** and `code`.\n\n- one\n- two\n\n[site](https://example.com/a?b=1) and https://gvisor.dev',
      'posts/a.md',
    );
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('href="https://example.com/a?b=1"');
    expect(html).toContain('href="https://gvisor.dev"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it("makes relative links and images absolute from the post's folder, or against the site URL", () => {
    const source = '[next](other-post.md) ![diagram](img/arch.png) [root](/about/) [here](#notes)';
    const rooted = renderNotesHtml(source, 'posts/2019/kubecon.md');
    expect(rooted).toContain('href="/posts/2019/other-post.md"');
    expect(rooted).toContain('src="/posts/2019/img/arch.png"');
    expect(rooted).toContain('href="/about/"');
    expect(rooted).toContain('href="#notes"');
    const sited = renderNotesHtml(source, 'posts/2019/kubecon.md', 'https://notes.example/blog/');
    expect(sited).toContain('href="https://notes.example/blog/posts/2019/other-post.md"');
    expect(sited).toContain('src="https://notes.example/blog/posts/2019/img/arch.png"');
    expect(sited).toContain('href="https://notes.example/about/"');
  });
});

describe('excerptOf', () => {
  const text = 'gVisor is a user-space kernel that sandboxes containers, written in Go.';

  it('cuts at a word and marks the cut', () => {
    const cut = excerptOf(text, 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut.endsWith('…')).toBe(true);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
    expect(text.charAt(cut.length - 1)).toMatch(/[\s,]/);
  });

  it('returns short text whole, whitespace collapsed', () => {
    expect(excerptOf('  a\n\n b  ', 200)).toBe('a b');
    expect(excerptOf(text, text.length)).toBe(text);
  });

  it('cuts a single overlong word where the room ends', () => {
    expect(excerptOf('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
