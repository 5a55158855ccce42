import { expect } from 'vitest';
import type { TestContext } from '../app.js';
import type { CaseDetail } from '../../src/modules/cases/cases.contracts.js';
import type { StatsRow } from '../../src/modules/cases/stats/stats.contracts.js';

/**
 * What the resident-side case tests share (src/modules/cases/resident/*.api.test.ts): calls as a test user, one
 * transition at the case's current version, a case driven to 'verified' (kept in the grid, or whistled to unit1), and
 * the county-wide statistics of the default period.
 */
export function residentHelpers(ctx: () => TestContext) {
  async function call(method: 'GET' | 'POST', url: string, as: string, body?: object) {
    return ctx().app.inject({ method, url, payload: body, headers: { cookie: await ctx().cookieFor(as) } });
  }

  /** One transition at the case's current version; the answer as it came. */
  async function tryAct(id: string, as: string, body: Record<string, unknown>) {
    const current = (await call('GET', `/api/cases/${id}`, 'admin')).json() as CaseDetail;
    return call('POST', `/api/cases/${id}/transitions`, as, { version: current.version, ...body });
  }

  async function act(id: string, as: string, body: Record<string, unknown>): Promise<CaseDetail> {
    const res = await tryAct(id, as, body);
    expect(res.statusCode, `${String(body.action)} by ${as}: ${res.body}`).toBe(200);
    return res.json() as CaseDetail;
  }

  async function report(as: string, body: Record<string, unknown>): Promise<CaseDetail> {
    const res = await call('POST', '/api/cases', as, { lng: 117.331, lat: 27.541, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as CaseDetail;
  }

  /** Accepted (if new), handled by the grid worker or, with `whistle`, by unit1, resolved and verified. */
  async function drive(id: string, whistle: boolean): Promise<CaseDetail> {
    const status = ((await call('GET', `/api/cases/${id}`, 'admin')).json() as CaseDetail).status;
    if (status === 'reported') await act(id, 'grid01', { action: 'accept' });
    if (whistle) {
      await act(id, 'hangdong', { action: 'dispatch', unitIds: [ctx().world.unit1.id], reason: '该单位有专业力量' });
      await act(id, 'unit01', { action: 'acknowledge' });
      await act(id, 'unit01', { action: 'resolve', note: '已处理' });
    } else {
      await act(id, 'grid01', { action: 'dispatch' });
      await act(id, 'grid01', { action: 'acknowledge' });
      await act(id, 'grid01', { action: 'resolve', note: '已处理' });
    }
    return act(id, 'hangdong', { action: 'verify' });
  }

  async function stats(query = ''): Promise<StatsRow> {
    const res = await call('GET', `/api/cases/stats${query}`, 'admin');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { totals: StatsRow }).totals;
  }

  return { call, tryAct, act, report, drive, stats };
}
