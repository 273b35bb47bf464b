/**
 * The bundle declares markdown-it's class fields by plain assignment rather
 * than through its compiler helper (scripts/build.mjs), which is the same
 * only while no field is also held by the object's prototypes: there the
 * helper would define an own property where an assignment would reach the
 * prototype's. These tests hold markdown-it to that.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';

/** Own properties of `object` that one of its prototypes also holds. */
function shadowed(object: object): string[] {
  const proto = Object.getPrototypeOf(object) as object | null;
  if (proto === null) return [];
  return Object.getOwnPropertyNames(object).filter((name) => name in proto);
}

describe("markdown-it's class fields", () => {
  const md = new MarkdownIt({ html: true, linkify: true });
  const env = {};
  const src = '# Title\n\n- a [link](https://example.com) and https://example.org\n';

  it('are held by no prototype of the parser, its rulers or its renderer', () => {
    const objects: object[] = [md, md.core, md.block, md.inline, md.renderer, md.core.ruler, md.block.ruler];
    objects.push(md.inline.ruler, md.inline.ruler2);
    for (const object of objects) expect(shadowed(object)).toEqual([]);
  });

  it('are held by no prototype of the parse states or the tokens', () => {
    const tokens = md.parse(src, env);
    expect(tokens.length).toBeGreaterThan(0);
    const core = new md.core.State(src, md, env);
    const block = new md.block.State(src, md, env, []);
    const inline = new md.inline.State('a *b*', md, env, []);
    for (const object of [core, block, inline, ...tokens, ...tokens.flatMap((t) => t.children ?? [])])
      expect(shadowed(object)).toEqual([]);
  });

  it('hung on the parser class (Token, Ruler, the parsers and states) are held by no prototype of it', () => {
    // Every function has its own length, name and prototype.
    const own = shadowed(MarkdownIt).filter((n) => !['length', 'name', 'prototype'].includes(n));
    expect(own).toEqual([]);
  });
});
