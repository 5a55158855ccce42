import { describe, expect, it } from 'vitest';
import type { ClaimableNeed, NeedClaimView } from './api';
import { myClaimsInOrder, servedSpan, stillClaimable } from './claimsList';

const claim = (id: string, status: NeedClaimView['status'], createdAt: string) =>
  ({ id, status, createdAt }) as NeedClaimView;
const need = (id: string, myClaim: NeedClaimView | null) => ({ id, myClaim }) as ClaimableNeed;

describe('the phone page of 微心愿', () => {
  it('my claims: open first, then fulfilled, then withdrawn, latest first within each', () => {
    const sorted = myClaimsInOrder([
      claim('w', 'withdrawn', '2027-03-01T00:00:00Z'),
      claim('f-old', 'fulfilled', '2027-01-01T00:00:00Z'),
      claim('c', 'claimed', '2027-02-01T00:00:00Z'),
      claim('f-new', 'fulfilled', '2027-02-15T00:00:00Z'),
    ]);
    expect(sorted.map((c) => c.id)).toEqual(['c', 'f-new', 'f-old', 'w']);
  });

  it('needs still claimable: none of mine, or mine withdrawn (claimed again)', () => {
    const items = [
      need('free', null),
      need('mine', claim('1', 'claimed', '')),
      need('done', claim('2', 'fulfilled', '')),
      need('back', claim('3', 'withdrawn', '')),
    ];
    expect(stillClaimable(items).map((n) => n.id)).toEqual(['free', 'back']);
  });

  it('the service time on the county clock, whatever the device zone; the end date only when it differs', () => {
    expect(servedSpan('2027-01-01T01:00:00Z', '2027-01-01T03:30:00Z')).toBe('2027-01-01 09:00–11:30');
    expect(servedSpan('2026-12-31T15:30:00Z', '2026-12-31T16:30:00Z')).toBe('2026-12-31 23:30–2027-01-01 00:30');
    expect(servedSpan('2028-02-28T17:00:00+00:00', '2028-02-28T18:00:00+00:00')).toBe('2028-02-29 01:00–02:00');
  });
});
