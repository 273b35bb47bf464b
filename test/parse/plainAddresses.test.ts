/**
 * Addresses that skip markdown-it's normalising must be exactly those it
 * would leave unchanged: checked against markdown-it's own functions on
 * generated addresses, plain and not.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { isPlainAddress, parseMarkdown } from '../../src/parse/markdown.js';

const reference = new MarkdownIt();
const normalised = (url: string) => MarkdownIt.prototype.normalizeLink.call(reference, url);
const asText = (url: string) => MarkdownIt.prototype.normalizeLinkText.call(reference, url);

const label = fc.stringMatching(/^[A-Za-z0-9-]{1,70}$/);
const host = fc.oneof(
  fc.array(label, { minLength: 1, maxLength: 10 }).map((labels) => labels.join('.')),
  fc.constantFrom(
    'xn--bcher-kva.example',
    'exa_mple.com',
    'a..b',
    'host:8080',
    'user@host',
    '[::1]',
    'bücher.de',
  ),
);
const pathChar = fc.constantFrom(
  ...'abcXYZ019-._~!$&\'()*+,;=:@/?#%20%7B{}|\\^`<>" é€'.split(''),
  '%7B',
  '%41',
  'xn--',
);
const address = fc
  .tuple(
    fc.constantFrom('http://', 'https://', 'HTTPS://', 'ftp://', '//'),
    host,
    fc.constantFrom('', '/', '?', '#'),
    fc.array(pathChar, { maxLength: 30 }),
  )
  .map(([scheme, h, start, rest]) => `${scheme}${h}${start}${rest.join('')}`);

describe('plain addresses', () => {
  it('are left as they are by markdown-it, both ways', () => {
    fc.assert(
      fc.property(address, (url) => {
        if (!isPlainAddress(url)) return;
        expect(normalised(url)).toBe(url);
        expect(asText(url)).toBe(url);
      }),
      { numRuns: 5000 },
    );
  });

  it('are most ordinary links, and never punycode, ports, encoded or non-ASCII text', () => {
    expect(isPlainAddress('https://www.youtube.com/watch?v=H53Q-KjjQeP&t=42s')).toBe(true);
    expect(isPlainAddress('https://github.com/example18/project9#readme')).toBe(true);
    expect(isPlainAddress('https://xn--bcher-kva.example/')).toBe(false);
    expect(isPlainAddress('https://example.com:8080/')).toBe(false);
    expect(isPlainAddress('https://example.com/a%20b')).toBe(false);
    expect(isPlainAddress('https://example.com/bücher')).toBe(false);
  });

  it('keep markdown-it reading of encoded and international links', () => {
    const block = parseMarkdown(
      'See https://bücher.example/a%20b and [the café](https://example.com/café)',
      1,
    ).blocks[0];
    expect(block?.links.map((l) => l.href)).toEqual([
      'https://xn--bcher-kva.example/a%20b',
      'https://example.com/caf%C3%A9',
    ]);
  });
});
