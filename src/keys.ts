/**
 * @module keys
 * How names become keys, in one place: `lookupKey` (what "the same name"
 * means for lookups), `slugify` (slugs as GitHub makes heading anchors, so a
 * talk's slug is the anchor a reader already knows from the rendered note),
 * `SlugRegistry` (the one way a slug is made unique) and `conferenceKey`
 * (when two posts speak of one event).
 */
import { slug } from 'github-slugger';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is the whole of ASCII, control characters included
const ASCII = /^[\x00-\x7f]*$/;

/** Lower-cased, with runs of non letters/digits collapsed: the key for name lookups. */
export function lookupKey(name: string): string {
  // Most names are ASCII, where NFKC changes nothing and the letters and digits are [a-z0-9] once
  // lower-cased: the same key without ICU's normalisation or a Unicode-property regex, which a
  // start would otherwise spend tens of milliseconds preparing for the catalogue's names.
  if (ASCII.test(name))
    return name
      .toLowerCase()
      .replace(/[^a-z0-9+#]+/g, ' ')
      .trim();
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();
}

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
    return this.takeSlug(slugify(text));
  }

  /** Like `take`, for a base that is already a slug (kept as it is, numbered when taken). */
  takeSlug(base: string): { slug: string; duplicate: boolean } {
    let candidate = base;
    let n = this.next.get(base) ?? 2;
    while (this.used.has(candidate)) candidate = `${base}-${n++}`;
    this.next.set(base, n);
    this.used.add(candidate);
    return { slug: candidate, duplicate: candidate !== base };
  }

  /** Marks a slug as used without numbering it (slugs fixed by a registry file). */
  reserve(slug: string): void {
    this.used.add(slug);
  }

  has(slug: string): boolean {
    return this.used.has(slug);
  }
}

/** Key under which posts about the same event share one node: the name's words, year last. */
export function conferenceKey(name: string, year: number | null): string {
  const short = year === null ? null : String(year % 100).padStart(2, '0');
  const words = lookupKey(name)
    .split(' ')
    .filter((w) => !/^(19|20)\d{2}$/.test(w) && w !== 'the')
    // "SREcon19 Europe" and "SREcon Europe 2019" are one event.
    .map((w) => (short !== null && /^\p{L}+\d{2}$/u.test(w) && w.endsWith(short) ? w.slice(0, -2) : w));
  return `${words.join(' ')}${year === null ? '' : ` ${year}`}`;
}
