/**
 * @module parse/values
 * Reads front matter values as people write them: a list may be a string or
 * an array, a boolean may be "true", a number may be a string.
 */

export function asString(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

export function asStringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => asString(v) ?? []);
  const text = asString(value);
  return text === null ? [] : text.split(/\s*,\s*/).filter((s) => s !== '');
}

export function asBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return /^(true|yes|1)$/i.test(value.trim());
  return value === 1;
}

/** The year a date written as "YYYY-…" starts with, or null. */
export function leadingYear(date: string | null): number | null {
  const m = date === null ? null : /^(\d{4})/.exec(date);
  return m?.[1] === undefined ? null : Number(m[1]);
}
