/**
 * The volunteer phone pages' figures and formats, pure (no DOM, no clock): instants on the county's clock, an
 * activity's span, the star progress, and the activity and code in a scanned link. Unit-tested (figures.test.ts).
 */

/** "YYYY-MM-DD HH:mm" of an instant on the county's clock (UTC+8, no daylight saving), whatever the device's zone. */
export function countyMinute(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : iso;
}

/** "MM-DD HH:mm–HH:mm" of an activity's span on the county's clock (the end's day too when it differs). */
export function spanOf(a: { startsAt: string; endsAt: string }): string {
  const s = countyMinute(a.startsAt);
  const e = countyMinute(a.endsAt);
  return `${s.slice(5)}–${e.slice(0, 10) === s.slice(0, 10) ? e.slice(11) : e.slice(5)}`;
}

export interface StarFigures {
  /** Stars reached (0–5). */
  star: number;
  /** The next star's threshold in hours, or null at the top. */
  next: number | null;
  /** Hours still to go, to one decimal (null at the top). */
  toGo: number | null;
  /** How far from the last threshold to the next, 0–100 (100 at the top). */
  percent: number;
}

/** Where the hours stand against the county's star table (ascending thresholds). */
export function starFigures(hours: number, starHours: readonly number[]): StarFigures {
  const star = starHours.filter((h) => hours >= h).length;
  const next = starHours[star];
  if (next === undefined) return { star, next: null, toGo: null, percent: 100 };
  const from = star === 0 ? 0 : starHours[star - 1];
  const percent = Math.max(0, Math.min(100, ((hours - from) / (next - from)) * 100));
  return { star, next, toGo: Math.round((next - hours) * 10) / 10, percent: Math.round(percent * 10) / 10 };
}

/** The activity id and code of a scanned text: the /m/v/scan link an activity's QR code carries, or null. */
export function scanTargetOf(text: string, origin: string): { a: string; c: string } | null {
  try {
    const url = new URL(text.trim(), origin);
    if (!url.pathname.endsWith('/v/scan')) return null;
    const a = url.searchParams.get('a');
    const c = url.searchParams.get('c');
    return a && c ? { a, c } : null;
  } catch {
    return null;
  }
}
