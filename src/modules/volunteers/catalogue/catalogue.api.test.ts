import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedVolunteerWorld } from '../../../../test/api-setup/volunteers.js';
import type { TestContext } from '../../../../test/app.js';
import { createTestContext } from '../../../../test/app.js';
import { api, auditRows, expectError, expectOk } from '../../../../test/http.js';
import { DEFAULT_VOLUNTEER_RULES } from '../volunteers.enums.js';
import { volunteerRules, volunteerSeries, volunteerServiceTypes } from '../volunteers.schema.js';
import type {
  VolunteerRulesViewResponse,
  VolunteerSeriesList,
  VolunteerSeriesView,
  VolunteerTypeView,
} from './catalogue.contracts.js';
import { rulesProblem } from './catalogue.ruleset.js';

// The catalogue (series → types) and the rules: read by whoever reads or takes part, written by the county.
let ctx: TestContext;
let call: ReturnType<typeof api>;
let w: Awaited<ReturnType<typeof seedVolunteerWorld>>;

const rows = async (table: typeof volunteerRules | typeof volunteerSeries | typeof volunteerServiceTypes) =>
  (await ctx.database.db.select({ n: count() }).from(table))[0].n;

beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
  w = await seedVolunteerWorld(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

describe('the catalogue', () => {
  it('lists the 7 series with their 19 types in order, to staff, volunteers and residents alike', async () => {
    for (const as of ['admin', 'hangdong', 'grid01', 'vol01', 'member01', 'resident01']) {
      const list = expectOk<VolunteerSeriesList>(await call('GET', '/api/volunteer-series', { as }));
      expect(list.items).toHaveLength(7);
      expect(list.items.flatMap((s) => s.types)).toHaveLength(19);
    }
    const list = expectOk<VolunteerSeriesList>(await call('GET', '/api/volunteer-series', { as: 'vol01' }));
    expect(list.items.map((s) => s.sort)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const s of list.items) {
      expect(s.types.map((t) => t.sort)).toEqual(s.types.map((_, i) => i));
      expect(s.types.every((t) => t.seriesId === s.id)).toBe(true);
    }
    // A unit admin neither reads nor takes part in volunteer service.
    expectError(await call('GET', '/api/volunteer-series', { as: 'unit01' }), 403, 'FORBIDDEN');
  });

  it('lets the county add a series and a type; a duplicate key is 409 and an unknown series 400, nothing written', async () => {
    const series = expectOk<VolunteerSeriesView>(
      await call('POST', '/api/volunteer-series', {
        as: 'admin',
        body: { key: 'river_care', name: '护河', nameEn: 'River care', sort: 50 },
      }),
      201,
    );
    expect(series).toMatchObject({ key: 'river_care', active: true, version: 1, types: [] });
    const type = expectOk<VolunteerTypeView>(
      await call('POST', '/api/volunteer-types', {
        as: 'admin',
        body: { seriesId: series.id, key: 'river_patrol', name: '巡河', nameEn: 'River patrol' },
      }),
      201,
    );
    expect(type).toMatchObject({ seriesId: series.id, sort: 1000, active: true });
    const [s, t] = [await rows(volunteerSeries), await rows(volunteerServiceTypes)];
    expectError(
      await call('POST', '/api/volunteer-series', { as: 'admin', body: { key: 'river_care', name: 'x', nameEn: 'x' } }),
      409,
      'DUPLICATE',
    );
    expectError(
      await call('POST', '/api/volunteer-types', {
        as: 'admin',
        body: { seriesId: series.id, key: 'river_patrol', name: 'x', nameEn: 'x' },
      }),
      409,
      'DUPLICATE',
    );
    expectError(
      await call('POST', '/api/volunteer-types', {
        as: 'admin',
        body: { seriesId: w.teams.A, key: 'orphan_type', name: 'x', nameEn: 'x' },
      }),
      400,
      'VOLUNTEER_TYPE_UNKNOWN',
    );
    expect([await rows(volunteerSeries), await rows(volunteerServiceTypes)]).toEqual([s, t]);
    const audit = await auditRows(ctx, { entityType: 'volunteer_series' });
    expect(audit.map((a) => a.action)).toContain('volunteer_series.create');
    expect((await auditRows(ctx, { entityType: 'volunteer_type' }))[0]).toMatchObject({
      action: 'volunteer_type.create',
      entityId: type.id,
    });
  });

  it('refuses catalogue writes to all but the county', async () => {
    const before = await rows(volunteerSeries);
    for (const as of ['hangdong', 'lead01', 'vol01', 'resident01'])
      expectError(
        await call('POST', '/api/volunteer-series', { as, body: { key: 'not_mine', name: 'x', nameEn: 'x' } }),
        403,
        'FORBIDDEN',
      );
    expect(await rows(volunteerSeries)).toBe(before);
  });

  it('renames and retires a type and a series; active=true leaves out what is retired', async () => {
    const all = expectOk<VolunteerSeriesList>(await call('GET', '/api/volunteer-series', { as: 'admin' }));
    const first = all.items[0];
    const type = first.types[0];
    const renamed = expectOk<VolunteerTypeView>(
      await call('PATCH', `/api/volunteer-types/${type.id}`, {
        as: 'admin',
        body: { name: '新名称', active: false, version: type.version },
      }),
    );
    expect(renamed).toMatchObject({ name: '新名称', active: false, version: type.version + 1 });
    expectError(
      await call('PATCH', `/api/volunteer-types/${type.id}`, { as: 'admin', body: { sort: 3, version: type.version } }),
      409,
      'STALE_UPDATE',
    );
    const last = all.items[6];
    expectOk(
      await call('PATCH', `/api/volunteer-series/${last.id}`, { as: 'admin', body: { active: false, version: 1 } }),
    );
    const active = expectOk<VolunteerSeriesList>(
      await call('GET', '/api/volunteer-series?active=true', { as: 'vol01' }),
    );
    expect(active.items.map((s) => s.id)).not.toContain(last.id);
    expect(active.items.find((s) => s.id === first.id)?.types.map((t) => t.id)).not.toContain(type.id);
    const retired = expectOk<VolunteerSeriesList>(
      await call('GET', '/api/volunteer-series?active=false', { as: 'admin' }),
    );
    expect(retired.items.map((s) => s.id)).toEqual([last.id]);
    expect((await auditRows(ctx, { entityType: 'volunteer_type' }))[0]).toMatchObject({
      action: 'volunteer_type.update',
      entityId: type.id,
    });
  });
});

describe('the rules', () => {
  it('answers the defaults before any version is saved, to any reader or participant', async () => {
    for (const as of ['vol01', 'resident01', 'grid01']) {
      const r = expectOk<VolunteerRulesViewResponse>(await call('GET', '/api/volunteer-rules', { as }));
      expect(r).toEqual({ id: null, ...DEFAULT_VOLUNTEER_RULES });
    }
    expectError(await call('GET', '/api/volunteer-rules', { as: 'unit01' }), 403, 'FORBIDDEN');
  });

  it('refuses rules that do not hold together, each with a reason, writing nothing', async () => {
    const bad: [string, Partial<typeof DEFAULT_VOLUNTEER_RULES>][] = [
      ['four stars', { starHours: [100, 300, 600, 1000] }],
      ['six stars', { starHours: [100, 300, 600, 1000, 1500, 2000] }],
      ['not ascending', { starHours: [100, 300, 300, 1000, 1500] }],
      ['descending', { starHours: [1500, 1000, 600, 300, 100] }],
      ['zero', { starHours: [0, 300, 600, 1000, 1500] }],
      ['fraction', { starHours: [100.5, 300, 600, 1000, 1500] }],
      ['negative factor', { noShowPenaltyFactor: -1 }],
      ['negative count', { blockAfterNoShows: -1 }],
      ['negative window', { noShowWindowDays: -3 }],
      ['day cap low', { dayCapMinutes: 59 }],
      ['day cap high', { dayCapMinutes: 1441 }],
      ['geofence low', { geofenceMeters: 49 }],
      ['geofence high', { geofenceMeters: 5001 }],
      ['rotation low', { codeRotateSeconds: 14 }],
      ['rotation high', { codeRotateSeconds: 601 }],
      ['publicity 0', { publicityDays: 0 }],
      ['publicity 31', { publicityDays: 31 }],
    ];
    const [versions, audits] = [
      await rows(volunteerRules),
      (await auditRows(ctx, { entityType: 'volunteer_rules' })).length,
    ];
    for (const [label, change] of bad) {
      const body = expectError(
        await call('PUT', '/api/volunteer-rules', { as: 'admin', body: { ...DEFAULT_VOLUNTEER_RULES, ...change } }),
        400,
        'VOLUNTEER_RULES_INVALID',
      );
      expect(body.error.message, label).toMatch(/：.+/);
    }
    expect(await rows(volunteerRules)).toBe(versions);
    expect((await auditRows(ctx, { entityType: 'volunteer_rules' })).length).toBe(audits);
    expect(rulesProblem({ ...DEFAULT_VOLUNTEER_RULES, dayCapMinutes: 30 })).toBe('dayCapMinutes: 60..1440');
    expect(rulesProblem({ ...DEFAULT_VOLUNTEER_RULES, noShowPenaltyFactor: 0, blockAfterNoShows: 0 })).toBeNull();
  });

  it('saves a new version by the county only, audited; it is the one in force', async () => {
    const next = { ...DEFAULT_VOLUNTEER_RULES, starHours: [50, 150, 300, 500, 800], dayCapMinutes: 600 };
    for (const as of ['hangdong', 'lead01'])
      expectError(await call('PUT', '/api/volunteer-rules', { as, body: next }), 403, 'FORBIDDEN');
    expect(await rows(volunteerRules)).toBe(0);
    const saved = expectOk<VolunteerRulesViewResponse>(
      await call('PUT', '/api/volunteer-rules', { as: 'admin', body: next }),
    );
    expect(saved).toEqual({ id: expect.any(String), ...next });
    expect(expectOk(await call('GET', '/api/volunteer-rules', { as: 'vol01' }))).toEqual(saved);
    const [audit] = await auditRows(ctx, { entityType: 'volunteer_rules' });
    expect(audit).toMatchObject({ action: 'volunteer_rules.save', entityId: saved.id, after: next });
    expect(audit.before).toMatchObject({ id: null, starHours: DEFAULT_VOLUNTEER_RULES.starHours });
    // An unknown field is refused by the contract (400), not saved.
    expectError(
      await call('PUT', '/api/volunteer-rules', { as: 'admin', body: { ...next, extra: 1 } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await rows(volunteerRules)).toBe(1);
  });
});
