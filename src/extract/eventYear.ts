/**
 * @module extract/eventYear
 * The event's year when the prose names only its month relative to the post
 * ("Last November more than two hundred gophers…" in a post dated January
 * 2015 is November 2014). A post is often written weeks after the event, so
 * its own date's year can be the wrong edition.
 */

const MONTH_INDEX: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

// "last November", "this past October", "earlier this May", "in December" (not followed by a year).
const MONTH_MENTION =
  /\b(last|this\s+past|past|earlier\s+this|in|during)\s+(jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b(?!\s*,?\s*(?:\d{1,2}(?:st|nd|rd|th)?\s*,?\s*)?(?:19|20)\d{2})/i;

/**
 * The year of the month the intro names relative to the post's date, or null
 * when the intro names none or the date is unreadable. A month after the
 * post's month is last year's.
 */
export function relativeEventYear(intro: string, postDate: string | null): number | null {
  if (postDate === null) return null;
  const m = /^((?:19|20)\d{2})-(\d{2})/.exec(postDate.trim());
  if (m === null) return null;
  const year = Number(m[1]);
  const postMonth = Number(m[2]);
  const mention = MONTH_MENTION.exec(intro);
  if (mention === null) return null;
  const month = MONTH_INDEX[(mention[2] ?? '').slice(0, 3).toLowerCase()];
  if (month === undefined) return null;
  const lastYear = month > postMonth || (/^last$/i.test(mention[1] ?? '') && month === postMonth);
  return lastYear ? year - 1 : year;
}
