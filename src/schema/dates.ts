/**
 * @module schema/dates
 * The `Date` scalar (graphql-scalars: `YYYY-MM-DD`) and the one rule for a
 * talk's day, shared by `Talk.date`, the `dateFrom`/`dateTo` filters, the
 * DATE order and the facets: the post's own date when it is a real day that
 * is not in the future (a front-matter date of 3018 is a typo, reported as a
 * diagnostic), else the start of its conference.
 */
import { DateResolver } from 'graphql-scalars';
import type { ConferenceModel, TalkModel } from '../graph/types.js';
import { builder } from './builder.js';

builder.addScalarType('Date', DateResolver, {});

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/** Days already read, by text: a graph holds few distinct dates, and each page of talks reads them again. */
const days = new Map<string, string | null>();
const DAYS_KEPT = 10_000;

/** `YYYY-MM-DD` of a date written as a full date (a time may follow), or null when it is not a real day. */
export function dayOf(text: string | null | undefined): string | null {
  if (text == null) return null;
  let day = days.get(text);
  if (day === undefined) {
    day = readDay(text);
    if (days.size >= DAYS_KEPT) days.clear();
    days.set(text, day);
  }
  return day;
}

function readDay(text: string): string | null {
  const match = FULL_DATE.exec(text.trim());
  if (match === null) return null;
  const [, y, m, d] = match;
  const day = `${y}-${m}-${d}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day ? null : day;
}

/** Today's `YYYY-MM-DD` (UTC), read from the clock again once the day it names is over. */
let today = { day: '', until: 0 };

function todayIso(): string {
  const now = Date.now();
  if (now >= today.until) {
    const midnight = new Date(now);
    midnight.setUTCHours(24, 0, 0, 0);
    today = { day: new Date(now).toISOString().slice(0, 10), until: midnight.getTime() };
  }
  return today.day;
}

/** `YYYY-MM-DD` of a `Date` argument (the scalar parses days as UTC midnight). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The talk's day: its post's date if real and not in the future, else its conference's start; null when neither. */
export function talkDay(talk: TalkModel, conference: ConferenceModel | null | undefined): string | null {
  return ownDay(talk) ?? dayOf(conference?.startDate);
}

/** The talk's own day, when its post's date is a real day not in the future; null when its conference must say. */
export function ownDay(talk: TalkModel): string | null {
  const own = dayOf(talk.date);
  return own !== null && own <= todayIso() ? own : null;
}
