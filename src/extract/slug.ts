/**
 * @module extract/slug
 * Slugs as GitHub makes heading anchors (github-slugger), so a talk's slug is
 * the anchor a reader already knows from the rendered note.
 */
import { slug } from 'github-slugger';

export function slugify(text: string): string {
  const s = slug(text.trim()).replace(/-+/g, '-').replace(/^-|-$/g, '');
  return s === '' ? 'untitled' : s;
}

/** Hands out unique slugs; `take` reports whether the base slug was already taken. */
export class SlugRegistry {
  private readonly used = new Set<string>();
  /** Next number to try per base slug, so a thousand "Keynote"s cost a thousand steps, not a million. */
  private readonly next = new Map<string, number>();

  take(text: string): { slug: string; duplicate: boolean } {
    const base = slugify(text);
    let candidate = base;
    let n = this.next.get(base) ?? 2;
    while (this.used.has(candidate)) candidate = `${base}-${n++}`;
    this.next.set(base, n);
    this.used.add(candidate);
    return { slug: candidate, duplicate: candidate !== base };
  }
}
