import type { ClaimableNeed, NeedClaimView } from './api';

/**
 * The phone page's two lists: my claims (open first, then fulfilled, then withdrawn; latest first within each) and
 * the needs I can still claim — those without a live claim of mine (a withdrawn one may be claimed again).
 */
const ORDER: Record<NeedClaimView['status'], number> = { claimed: 0, fulfilled: 1, withdrawn: 2 };

export function myClaimsInOrder(items: readonly NeedClaimView[]): NeedClaimView[] {
  return [...items].sort((a, b) => ORDER[a.status] - ORDER[b.status] || b.createdAt.localeCompare(a.createdAt));
}

export function stillClaimable(items: readonly ClaimableNeed[]): ClaimableNeed[] {
  return items.filter((n) => !n.myClaim || n.myClaim.status === 'withdrawn');
}

/** "2026-12-01 09:00–11:30" on the county's clock (UTC+8, whatever the device's zone); the end's date if it differs. */
export function servedSpan(startsAt: string, endsAt: string): string {
  const county = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  const s = county(startsAt);
  const e = county(endsAt);
  const sameDay = s.slice(0, 10) === e.slice(0, 10);
  return `${s.slice(0, 10)} ${s.slice(11, 16)}–${sameDay ? '' : `${e.slice(0, 10)} `}${e.slice(11, 16)}`;
}
