/**
 * Business time in the browser: the server's clock (src/core/clock.ts) as told by GET /api/health, kept as an offset
 * from the device's clock. "Today", this year and countdowns follow the server, so a device with a wrong clock (or a
 * server started at another instant with CLOCK_START) shows the same day as the records. Until the first answer, or
 * if it never comes, the device's own clock stands in.
 *
 * No imports: boot.ts loads this before either app, and the phone app's first load is counted in kilobytes.
 */
let offsetMs = 0;

/** Milliseconds since the epoch, business time. */
export function nowMs(): number {
  return Date.now() + offsetMs;
}

/** Asks the server once; resolves (never rejects) within `timeoutMs`. */
export async function syncClock(timeoutMs = 3000): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const sent = Date.now();
    const res = await fetch('/api/health', { signal: controller.signal, headers: { Accept: 'application/json' } });
    const body = (await res.json()) as { now?: unknown };
    const server = typeof body.now === 'string' ? Date.parse(body.now) : NaN;
    // The answer was written about half-way through the round trip.
    if (Number.isFinite(server)) offsetMs = server - (sent + Date.now()) / 2;
  } catch {
    offsetMs = 0;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A Date whose local fields, in this browser's zone, read the county's wall clock (Asia/Shanghai, UTC+8): for
 * "today", this month and this year, whatever zone the device is set to. Compare real instants with nowMs().
 */
export function countyWallClock(): Date {
  const ms = nowMs();
  return new Date(ms + (8 * 60 + new Date(ms).getTimezoneOffset()) * 60_000);
}
