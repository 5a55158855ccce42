/** The rows bench/crash-durability.ts prints: one per round, and whether it failed. */

export interface RetryOutcome {
  replayed: number;
  created: number;
  failed: string[];
}

export interface RoundRow {
  db: string;
  round: number;
  sent: number;
  acked: number;
  found: number;
  lost: number;
  inFlight: number;
  rejected: number;
  retry: RetryOutcome;
  duplicates: number;
  missing: number;
  rollupDiffs: number;
  api: { ok: number; of: number };
  firstAckMs: number;
  killAtMs: number;
  restartMs: number;
  readyMs: number;
  detail: string[];
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export const HEADER = [
  'database',
  'round',
  'sent',
  'acknowledged',
  'found after restart',
  'lost',
  'in flight at kill',
  'retried: replayed / new / failed',
  'duplicates after retry',
  'missing after retry',
  'rollup keys ≠ rebuild',
  'API read-back',
  'kill at (first answer at)',
  'restart (server ready)',
];

export function rowCells(r: RoundRow): string[] {
  return [
    r.db === 'pglite' ? 'PGlite' : 'PostgreSQL',
    String(r.round),
    String(r.sent),
    String(r.acked),
    String(r.found),
    String(r.lost),
    String(r.inFlight + r.rejected),
    `${r.retry.replayed} / ${r.retry.created} / ${r.retry.failed.length}`,
    String(r.duplicates),
    String(r.missing),
    String(r.rollupDiffs),
    `${r.api.ok}/${r.api.of}`,
    `${seconds(r.killAtMs)} (${seconds(r.firstAckMs)})`,
    `${seconds(r.restartMs)} (${seconds(r.readyMs)})`,
  ];
}

export function failed(r: RoundRow): boolean {
  return (
    r.lost > 0 ||
    r.duplicates > 0 ||
    r.missing > 0 ||
    r.rollupDiffs > 0 ||
    r.retry.failed.length > 0 ||
    r.api.ok < r.api.of
  );
}
