import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/app.js';
import { hashPassword, verifyPassword } from '../core/auth/password.js';
import type { Database } from '../core/db.js';
import { roleBindings, users } from '../modules/auth/auth.schema.js';
import { inHeldAlleys } from '../modules/cases/cases.policy.js';
import { cases } from '../modules/cases/cases.schema.js';
import { actorFor } from '../../test/cases-stats.js';
import { alleyInspections, alleyRegionItems } from '../modules/alleys/alleys.schema.js';
import { volunteerTeams } from '../modules/volunteers/volunteers.schema.js';
import { gridDuties } from '../modules/duties/duties.schema.js';
import { alleyRegions, grids } from '../modules/grid/grid.schema.js';
import { partyMembers } from '../modules/people/members/members.schema.js';
import { organisations } from '../modules/org/org.schema.js';
import { people } from '../modules/people/people.schema.js';
import {
  buildDemo,
  createRng,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  type DemoCounts,
  MORE_DEMO_LOGINS,
  seedDemo,
  seedDemoIfEmpty,
  UNIT_STRENGTHS,
} from './demo.js';
import { isValidIdNumber } from './names.js';
import { digest, polygonOf, ringArea } from '../../test/demo-checks.js';

let first: Database;
let counts: DemoCounts;
let passwordHash: string;

type GridSel = typeof grids.$inferSelect;
type Org = typeof organisations.$inferSelect;
let allGrids: GridSel[];
let orgs: Org[];

beforeAll(async () => {
  passwordHash = await hashPassword(DEMO_PASSWORD);
  first = await openTestDatabase();
  counts = await seedDemo({ db: first.db, passwordHash });
  allGrids = await first.db.select().from(grids);
  orgs = await first.db.select().from(organisations);
  // The whole demo, as the second seed below: on a busy two-core runner it takes more than the default minute.
}, 120_000);
afterAll(async () => {
  await first?.close();
});

let firstDigest: Record<string, string> | undefined;
async function digestOfFirst(): Promise<Record<string, string>> {
  firstDigest ??= await digest(first.db);
  return firstDigest;
}

describe('Guangze demo seed', () => {
  it('creates the county, the town and the 11 communities with addresses, positions and populations', () => {
    expect(orgs.filter((o) => o.kind === 'county').map((o) => [o.name, o.code])).toEqual([['光泽县', '350723']]);
    const town = orgs.find((o) => o.kind === 'town');
    expect(town?.name).toBe('杭川镇');
    const communities = orgs.filter((o) => o.kind === 'community');
    expect(communities).toHaveLength(11);
    expect(communities.map((c) => c.name)).toEqual(expect.arrayContaining(['杭东社区', '三凤社区', '橘子洲社区']));
    for (const c of communities) {
      expect(c.parentId).toBe(town?.id);
      expect(c.address).toBeTruthy();
      expect(c.population).toBeGreaterThanOrEqual(3000);
      expect(c.population).toBeLessThanOrEqual(12000);
      expect(c.lng).toBeGreaterThan(117.3);
      expect(c.lat).toBeGreaterThan(27.5);
      const branches = orgs.filter((o) => o.parentId === c.id && o.kind === 'branch');
      expect(branches.length).toBeGreaterThanOrEqual(1);
      expect(branches.length).toBeLessThanOrEqual(3);
    }
    expect(counts.communities).toBe(11);
  });

  it('creates 83 distinct units under the county with headcounts, strengths and positions in the town', () => {
    const county = orgs.find((o) => o.kind === 'county');
    const units = orgs.filter((o) => o.kind === 'unit');
    expect(units).toHaveLength(83);
    expect(new Set(units.map((u) => u.name)).size).toBe(83);
    expect(units.map((u) => u.code).sort()).toEqual(
      Array.from({ length: 83 }, (_, i) => `U${String(i + 1).padStart(3, '0')}`),
    );
    const l1 = allGrids.filter((g) => g.level === 1);
    const town = {
      minLng: Math.min(...l1.map((g) => g.minLng ?? 0)),
      maxLng: Math.max(...l1.map((g) => g.maxLng ?? 0)),
      minLat: Math.min(...l1.map((g) => g.minLat ?? 0)),
      maxLat: Math.max(...l1.map((g) => g.maxLat ?? 0)),
    };
    for (const u of units) {
      expect(u.parentId).toBe(county?.id);
      expect(u.population).toBeGreaterThanOrEqual(10);
      expect(u.population).toBeLessThanOrEqual(300);
      expect(u.strengths.length).toBeGreaterThanOrEqual(1);
      expect(u.strengths.length).toBeLessThanOrEqual(3);
      for (const s of u.strengths) expect(UNIT_STRENGTHS).toContain(s);
      expect(u.lng).toBeGreaterThan(town.minLng);
      expect(u.lng).toBeLessThan(town.maxLng);
      expect(u.lat).toBeGreaterThan(town.minLat);
      expect(u.lat).toBeLessThan(town.maxLat);
      expect(u.address).toBeTruthy();
    }
  });

  it('gives 1,762 in-service members spread over the units (≥ 5 each), plus community members on branches', async () => {
    const members = await first.db.select().from(partyMembers);
    const inService = members.filter((m) => m.kind === 'in_service');
    expect(inService).toHaveLength(1762);
    const perUnit = new Map<string, number>();
    for (const m of inService) {
      expect(m.unitId).toBeTruthy();
      expect(m.residenceCommunityId).toBeTruthy();
      expect(m.joinedAt).toBeTruthy();
      perUnit.set(m.unitId ?? '', (perUnit.get(m.unitId ?? '') ?? 0) + 1);
    }
    expect(perUnit.size).toBe(83);
    expect(Math.min(...perUnit.values())).toBeGreaterThanOrEqual(5);
    const branchIds = new Set(orgs.filter((o) => o.kind === 'branch').map((o) => o.id));
    const others = members.filter((m) => m.kind !== 'in_service');
    expect(others.length).toBeGreaterThan(300);
    for (const m of others) expect(branchIds.has(m.branchId ?? '')).toBe(true);
    expect(counts.partyMembers.mobile).toBeGreaterThanOrEqual(100);
    expect(counts.partyMembers.mobile).toBeLessThanOrEqual(140);
  });

  it('builds a four-level grid whose codes nest and whose polygons tile their parents', () => {
    const byId = new Map(allGrids.map((g) => [g.id, g]));
    const kinds: Record<number, string[]> = {
      1: ['community'],
      2: ['full_time'],
      3: ['neighbourhood'],
      4: ['building', 'alley'],
    };
    expect(counts.gridsByLevel.every((n) => n > 0)).toBe(true);
    const children = new Map<string, GridSel[]>();
    for (const g of allGrids) {
      expect(kinds[g.level]).toContain(g.kind);
      const ring = polygonOf(g).coordinates[0];
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(g.minLng).toBe(Math.min(...ring.map((p) => p[0])));
      expect(g.maxLat).toBe(Math.max(...ring.map((p) => p[1])));
      if (g.level === 1) {
        expect(g.code).toMatch(/^350723\d{3}$/);
        continue;
      }
      const parent = byId.get(g.parentId ?? '');
      if (!parent) throw new Error(`grid ${g.code} has no parent`);
      expect(parent.level).toBe(g.level - 1);
      expect(g.communityId).toBe(parent.communityId);
      expect(g.code).toMatch(new RegExp(`^${parent.code}\\d{3}$`));
      expect(g.minLng).toBeGreaterThanOrEqual(parent.minLng ?? Infinity);
      expect(g.minLat).toBeGreaterThanOrEqual(parent.minLat ?? Infinity);
      expect(g.maxLng).toBeLessThanOrEqual(parent.maxLng ?? -Infinity);
      expect(g.maxLat).toBeLessThanOrEqual(parent.maxLat ?? -Infinity);
      children.set(parent.id, [...(children.get(parent.id) ?? []), g]);
    }
    for (const g of allGrids.filter((x) => x.level < 4)) {
      const kids = children.get(g.id) ?? [];
      const [lo, hi] = g.level === 1 ? [3, 6] : [2, 4];
      expect(kids.length).toBeGreaterThanOrEqual(lo);
      expect(kids.length).toBeLessThanOrEqual(hi);
      const sum = kids.reduce((a, k) => a + ringArea(polygonOf(k)), 0);
      expect(sum / ringArea(polygonOf(g))).toBeCloseTo(1, 9);
    }
  });

  it('has 62 alley regions on alley grids, led by 85 alley heads, every region at least one', async () => {
    const regions = await first.db.select().from(alleyRegions);
    expect(regions).toHaveLength(62);
    expect(regions.map((r) => r.code).sort()).toEqual(
      Array.from({ length: 62 }, (_, i) => `A${String(i + 1).padStart(2, '0')}`),
    );
    const duties = await first.db.select().from(gridDuties);
    const heads = duties.filter((d) => d.role === 'alley_head');
    expect(heads).toHaveLength(85);
    const gridById = new Map(allGrids.map((g) => [g.id, g]));
    for (const r of regions) {
      const g = gridById.get(r.gridId ?? '');
      expect(g?.kind).toBe('alley');
      expect(g?.communityId).toBe(r.communityId);
      expect(heads.filter((h) => h.gridId === r.gridId).length).toBeGreaterThanOrEqual(1);
    }
    const items = await first.db.select().from(alleyRegionItems);
    expect(items).toHaveLength(62 * 6);
    expect(items.filter((i) => i.status === 'present').length / items.length).toBeGreaterThan(0.7);
    // 有志愿服务队: a region whose item is not missing is served by a team of its own community (demo-volunteers.ts).
    const teamCommunity = new Map((await first.db.select().from(volunteerTeams)).map((t) => [t.id, t.communityId]));
    const linked = items.filter((i) => i.volunteerTeamId);
    expect(linked.length).toBeGreaterThan(10);
    for (const i of linked) {
      expect(i.status).not.toBe('missing');
      expect(teamCommunity.get(i.volunteerTeamId ?? '')).toBe(regions.find((r) => r.id === i.regionId)?.communityId);
    }
    // A year of monthly inspections (this month's only if its day has passed), each by a head of the region.
    const inspections = await first.db.select().from(alleyInspections);
    expect(inspections.length).toBeGreaterThanOrEqual(62 * 11);
    expect(inspections.length).toBeLessThanOrEqual(62 * 12);
    const headsOf = (gridId: string | null) => heads.filter((h) => h.gridId === gridId).map((h) => h.personId);
    const regionOf = new Map(regions.map((r) => [r.id, r]));
    for (const i of inspections)
      expect(headsOf(regionOf.get(i.regionId)?.gridId ?? null)).toContain(i.inspectorPersonId);
    const headPeople = await first.db.select({ roles: people.roles }).from(people);
    expect(headPeople.filter((p) => p.roles.includes('alley_head'))).toHaveLength(85);
  });

  it("gives alley01 the demo's cases located in their region, owned by the grid's worker, not an alley head", async () => {
    const alley = new Set(allGrids.filter((g) => g.kind === 'alley').map((g) => g.id));
    const all = await first.db.select({ id: cases.id, gridId: cases.gridId, owner: cases.ownerPersonId }).from(cases);
    const inAlleys = all.filter((c) => alley.has(c.gridId));
    expect(inAlleys.length).toBeGreaterThan(0);
    const heads = new Set(
      (await first.db.select().from(gridDuties)).filter((d) => d.role === 'alley_head').map((d) => d.personId),
    );
    for (const c of inAlleys) expect(heads.has(c.owner ?? '')).toBe(false);
    const actor = await actorFor(first.db, 'alley01');
    const seen = await first.db
      .select({ id: cases.id, gridId: cases.gridId })
      .from(cases)
      .where(await inHeldAlleys(first.db, actor));
    const held = new Set(seen.map((c) => c.gridId));
    expect(held.size).toBeLessThanOrEqual(1);
    expect(seen.map((c) => c.id).sort()).toEqual(
      all
        .filter((c) => held.has(c.gridId))
        .map((c) => c.id)
        .sort(),
    );
  });

  it('staffs the grids: a secretary, a grid worker and a neighbourhood worker per grid, and 300 in-service members', async () => {
    const duties = await first.db.select().from(gridDuties);
    const gridById = new Map(allGrids.map((g) => [g.id, g]));
    const roleFor: Record<number, string> = { 1: 'community_secretary', 2: 'grid_worker', 3: 'neighbourhood_worker' };
    for (const g of allGrids.filter((x) => x.level < 4)) {
      expect(duties.filter((d) => d.gridId === g.id && d.role === roleFor[g.level])).toHaveLength(1);
    }
    const inServiceDuties = duties.filter((d) => d.role === 'in_service_member');
    expect(inServiceDuties).toHaveLength(300);
    const members = new Map((await first.db.select().from(partyMembers)).map((m) => [m.personId, m]));
    for (const d of inServiceDuties) {
      expect(gridById.get(d.gridId)?.level).toBe(4);
      expect(members.get(d.personId)?.residenceCommunityId).toBe(gridById.get(d.gridId)?.communityId);
    }
    for (const d of duties) expect(d.since >= '2019-01-01' && d.since <= '2025-12-31').toBe(true);
  });

  it('gives everyone a unique, valid Guangze ID number, a mobile phone and a home grid in their community', async () => {
    const rows = await first.db.select().from(people);
    expect(rows.length).toBe(counts.people);
    expect(rows.length).toBeGreaterThan(7500);
    const gridById = new Map(allGrids.map((g) => [g.id, g]));
    const ids = new Set<string>();
    const problems: string[] = [];
    for (const p of rows) {
      const id = p.idNumber ?? '';
      ids.add(id);
      const home = gridById.get(p.homeGridId ?? '');
      const checks: [string, boolean][] = [
        ['valid id', isValidIdNumber(id) && id.startsWith('350723')],
        ['id birth date', id.slice(6, 14) === (p.birthDate ?? '').replaceAll('-', '')],
        ['id gender digit', Number(id[16]) % 2 === (p.gender === 'male' ? 1 : 0)],
        ['phone', /^1(3|5|8|9)\d{9}$/.test(p.phone ?? '')],
        ['home grid level', (home?.level ?? 0) >= 3],
        ['community of home grid', p.communityId === home?.communityId],
        ['resident role', p.roles.includes('resident')],
        ['name', /^[\u4e00-\u9fff]{2,4}$/.test(p.name)],
      ];
      for (const [what, ok] of checks) if (!ok) problems.push(`${p.name} ${id}: ${what}`);
    }
    expect(problems).toEqual([]);
    // The standard's own example, and the same number with a wrong check character.
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(ids.size).toBe(rows.length);
  });

  it('creates the six demo logins of DESIGN §4 with the right roles and scopes', async () => {
    const userRows = await first.db.select().from(users);
    const bindings = await first.db.select().from(roleBindings);
    const login = (username: string) => {
      const user = userRows.find((u) => u.username === username);
      if (!user) throw new Error(`no user ${username}`);
      return { user, binding: bindings.filter((b) => b.userId === user.id) };
    };
    expect(DEMO_LOGINS.map((l) => l.username)).toEqual([
      'admin',
      'hangdong',
      'grid01',
      'unit01',
      'member01',
      'resident01',
      'alley01',
      'volunteer01',
      'lead01',
    ]);
    const hangdong = orgs.find((o) => o.name === '杭东社区');
    const county = orgs.find((o) => o.kind === 'county');
    const admin = login('admin');
    expect(admin.binding).toMatchObject([{ role: 'county_admin', scopeOrgId: county?.id }]);
    expect(await verifyPassword(admin.user.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(login('hangdong').binding).toMatchObject([{ role: 'community_admin', scopeOrgId: hangdong?.id }]);

    const grid01 = login('grid01');
    expect(grid01.binding).toHaveLength(1);
    expect(grid01.binding[0].role).toBe('grid_worker');
    const grid = allGrids.find((g) => g.id === grid01.binding[0].scopeGridId);
    expect(grid).toMatchObject({ level: 2, communityId: hangdong?.id });
    const duties = await first.db.select().from(gridDuties);
    expect(duties.find((d) => d.gridId === grid?.id && d.role === 'grid_worker')?.personId).toBe(grid01.user.personId);

    const alley01 = login('alley01');
    expect(alley01.binding).toMatchObject([{ role: 'alley_head' }]);
    expect(allGrids.find((g) => g.id === alley01.binding[0].scopeGridId)).toMatchObject({
      kind: 'alley',
      communityId: hangdong?.id,
    });
    expect(
      duties.find(
        (d) =>
          d.gridId === alley01.binding[0].scopeGridId &&
          d.role === 'alley_head' &&
          d.personId === alley01.user.personId,
      ),
    ).toBeDefined();

    // The volunteer logins (demo-volunteers.api.test.ts: in the 杭东 patrol team) sign in with the demo password.
    for (const username of ['volunteer01', 'lead01']) {
      const v = login(username);
      expect(v.binding).toMatchObject([{ role: 'volunteer', scopeOrgId: null, scopeGridId: null }]);
      expect(await verifyPassword(v.user.passwordHash, DEMO_PASSWORD)).toBe(true);
    }

    const unit01 = login('unit01');
    expect(unit01.binding).toHaveLength(1);
    expect(unit01.binding[0].role).toBe('unit_admin');
    const unit = orgs.find((o) => o.id === unit01.binding[0].scopeOrgId);
    expect(unit?.kind).toBe('unit');

    const member01 = login('member01');
    expect(member01.binding).toMatchObject([{ role: 'party_member' }]);
    const members = await first.db.select().from(partyMembers);
    expect(members.find((m) => m.personId === member01.user.personId)).toMatchObject({
      kind: 'in_service',
      unitId: unit?.id,
      residenceCommunityId: hangdong?.id,
    });

    const resident01 = login('resident01');
    expect(resident01.binding).toMatchObject([{ role: 'resident' }]);
    const residents = await first.db.select().from(people);
    expect(residents.find((p) => p.id === resident01.user.personId)).toMatchObject({
      communityId: hangdong?.id,
      roles: ['resident'],
    });

    for (const username of [...MORE_DEMO_LOGINS.communityAdmins, ...MORE_DEMO_LOGINS.unitAdmins]) login(username);
    expect(bindings.filter((b) => b.role === 'community_admin')).toHaveLength(11);
    expect(bindings.filter((b) => b.role === 'unit_admin')).toHaveLength(83);
    // The demo logins share one password; the Open311 client's own user is disabled and has none.
    expect(new Set(userRows.filter((u) => !u.disabled).map((u) => u.passwordHash)).size).toBe(1);
  });

  it('produces identical rows, ids included, from the same seed; different rows from another seed', async () => {
    const second = await openTestDatabase();
    try {
      expect(await seedDemo({ db: second.db, passwordHash })).toEqual(counts);
      expect(await digest(second.db)).toEqual(await digestOfFirst());
    } finally {
      await second.close();
    }
    const other = buildDemo(createRng(1), passwordHash);
    expect(other.people[0].id).not.toBe(buildDemo(createRng(), passwordHash).people[0].id);
    // A second whole demo (a year of cases, co-building, 双报到 for 1,762 members, posts, a year of duties, ratings).
  }, 120_000);

  it('seedDemoIfEmpty seeds an empty database once and leaves a seeded one alone', async () => {
    const before = await digestOfFirst();
    expect(await seedDemoIfEmpty({ db: first.db })).toBe(false);
    expect(await digest(first.db)).toEqual(before);
    const empty = await openTestDatabase();
    try {
      expect(await seedDemoIfEmpty({ db: empty.db })).toBe(true);
      const { users: _differentSalt, ...rest } = await digest(empty.db);
      const { users: _otherSalt, ...expected } = before;
      expect(rest).toEqual(expected);
      expect(await seedDemoIfEmpty({ db: empty.db })).toBe(false);
      const [{ n }] = await empty.db.select({ n: count() }).from(organisations);
      expect(n).toBe(counts.organisations);
    } finally {
      await empty.close();
    }
  }, 120_000);
});
