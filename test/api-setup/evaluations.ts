// Shared setup of the evaluation sessions' API tests (evaluations.*.api.test.ts): one test context per file with the
// agenda cases of 杭东 (and one of 三峰) placed in time, the `call` helper, session lookups and the PDF text helpers.
// Call setupEvaluationsApi() at the top of the test file; `ctx` and `call` are live bindings.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { createTestContext, type TestContext } from '../app.js';
import { api, expectOk } from '../http.js';
import type { CaseDetail } from '../../src/modules/cases/cases.contracts.js';
import { cases } from '../../src/modules/cases/cases.schema.js';
import type { SessionDetail } from '../../src/modules/evaluations/evaluations.contracts.js';

export let ctx: TestContext;
export let call: ReturnType<typeof api>;
/** The agenda cases by key, and their numbers. */
export const ids: Record<string, string> = {};
export const numbers: Record<string, string> = {};

export const A: [number, number] = [117.331, 27.541];
export const B: [number, number] = [117.345, 27.545];
const t = (s: string) => new Date(s);

/** A case recorded by staff, then moved in time (tests may set the clock of their own rows directly). */
export async function caseAt(
  key: string,
  as: string,
  lngLat: [number, number],
  at: Partial<typeof cases.$inferInsert>,
): Promise<void> {
  const res = await call('POST', '/api/cases', {
    as,
    body: {
      channel: 'hall',
      description: `居民反映：${key} 号事项，请社区协调处理`,
      reporterName: '王大爷',
      lng: lngLat[0],
      lat: lngLat[1],
    },
  });
  const c = expectOk<CaseDetail>(res, 201);
  await ctx.database.db.update(cases).set(at).where(eq(cases.id, c.id));
  ids[key] = c.id;
  numbers[key] = c.number;
}

/** The cases of January and February 2026 that the sessions of 2026-01-20 and 2026-02-20 take up. */
async function placeCases(): Promise<void> {
  await caseAt('old', 'hangdong', A, { reportedAt: t('2026-01-10T10:00:00+08:00') });
  await caseAt('late', 'hangdong', A, {
    reportedAt: t('2026-01-05T09:00:00+08:00'),
    resolvedAt: t('2026-02-03T15:00:00+08:00'),
    status: 'resolved',
  });
  await caseAt('new', 'hangdong', A, {
    reportedAt: t('2026-01-25T10:00:00+08:00'),
    status: 'closed',
    resolvedAt: t('2026-02-01T10:00:00+08:00'),
    closedAt: t('2026-02-02T10:00:00+08:00'),
    satisfaction: 'satisfied',
  });
  await caseAt('eve', 'hangdong', A, { reportedAt: t('2026-02-19T23:30:00+08:00') });
  await caseAt('after', 'hangdong', A, { reportedAt: t('2026-02-20T08:00:00+08:00') });
  await caseAt('merged', 'hangdong', A, { reportedAt: t('2026-02-10T10:00:00+08:00'), mergedIntoId: ids.new });
  await caseAt('other', 'sanfeng', B, { reportedAt: t('2026-02-01T10:00:00+08:00') });
}

export function setupEvaluationsApi(): void {
  beforeAll(async () => {
    ctx = await createTestContext();
    call = api(ctx);
    await placeCases();
  });
  afterAll(async () => {
    await ctx?.close();
  });
}

/** The keys of a session's agenda cases, sorted. */
export const caseKeys = (s: SessionDetail) =>
  s.items.map((i) => Object.keys(ids).find((k) => ids[k] === i.caseId)).sort();

/** Creates a session of community A (杭东) on `heldOn` as its community admin. */
export const createSession = async (heldOn: string, communityId = ctx.world.communityA.id, as = 'hangdong') =>
  expectOk<SessionDetail>(await call('POST', '/api/evaluation-sessions', { as, body: { communityId, heldOn } }), 201);

export const getSession = async (id: string, as = 'hangdong') =>
  expectOk<SessionDetail>(await call('GET', `/api/evaluation-sessions/${id}`, { as }));

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The PDF's text through poppler's pdftotext, or null where poppler-utils is not installed. */
export function pdfText(pdf: Buffer): string | null {
  if (!hasTool('pdftotext')) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lj-pdf-'));
  try {
    writeFileSync(path.join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Page 1 as a PNG, for a person to look at (skipped where pdftoppm is missing). */
export function renderFirstPage(pdf: Buffer, png: string): void {
  if (!hasTool('pdftoppm')) return;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lj-pdf-'));
  try {
    writeFileSync(path.join(dir, 'r.pdf'), pdf);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      path.join(dir, 'r.pdf'),
      png.replace(/\.png$/, ''),
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
