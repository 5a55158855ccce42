/**
 * The service day's QR code: the address it carries, reading a token back from a scanned text, and the address the
 * desktop page had (codes printed before the check-in moved to the phone app still work: boot.ts redirects them).
 * No imports: boot.ts reads this before either app loads.
 */

/** The phone app's route of the check-in page (under /m). */
export const DAY_CHECKIN_ROUTE = 'service-days/checkin/:token';

/** The path the QR code carries (the origin is the server the staff page was opened on). */
export function dayCheckinPath(token: string): string {
  return `/m/service-days/checkin/${encodeURIComponent(token)}`;
}

/** The token in a scanned text: a link to the check-in page (the phone's or the old desktop one), else null. */
export function dayTokenOf(text: string): string | null {
  const m = /\/service-days\/checkin\/([A-Za-z0-9_-]{10,100})(?:[/?#]|$)/.exec(text.trim());
  return m ? m[1] : null;
}

/** The phone address of the old desktop check-in page's path, or null for any other path. */
export function movedCheckinPath(pathname: string): string | null {
  const m = /^\/cobuild\/service-days\/checkin\/([^/]+)\/?$/.exec(pathname);
  return m ? `/m/service-days/checkin/${m[1]}` : null;
}

/** "YYYY-MM-DD HH:mm" of an instant on the county's clock (UTC+8, no daylight saving), as the server's messages say it. */
export function countyMinute(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : iso;
}
