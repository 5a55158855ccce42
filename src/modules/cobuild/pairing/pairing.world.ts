import { and, asc, count, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { cases } from '../../cases/cases.schema.js';
import { organisations } from '../../org/org.schema.js';
import type {
  MapCommunity,
  MapUnit,
  NeedsProfile,
  PlanSettings,
  ResolvedSettings,
  Strength,
} from './pairing.contracts.js';
import {
  type CommunityInput,
  compile,
  type Compiled,
  DEFAULT_WEIGHTS,
  defaultBounds,
  type PairingProblem,
  type UnitInput,
} from './pairing.model.js';
import { strengthsForCategory } from './pairing.strengths.js';

/**
 * What the optimiser works on, read from the organisations and last year's cases: the units (location, headcount,
 * strengths) and communities (location, needs profile), plus the settings with every default filled in.
 */

/** Case counts per category → weight per strength tag (a case's weight is split over its tags). */
export function profileFromCases(counts: readonly { categoryCode: string; n: number }[]): NeedsProfile {
  const profile: Partial<Record<Strength, number>> = {};
  for (const { categoryCode, n } of counts) {
    const tags = strengthsForCategory(categoryCode);
    for (const tag of tags) profile[tag] = Math.round(((profile[tag] ?? 0) + n / tags.length) * 100) / 100;
  }
  return profile;
}

export interface World {
  units: (MapUnit & { leader: string | null })[];
  communities: MapCommunity[];
  casesCounted: number;
}

async function derivedNeeds(
  db: Db,
  year: number,
  communityIds: string[],
): Promise<{ needs: Map<string, NeedsProfile>; total: number }> {
  const from = new Date(`${year - 1}-01-01T00:00:00+08:00`);
  const to = new Date(`${year}-01-01T00:00:00+08:00`);
  const rows = communityIds.length
    ? await db
        .select({ communityId: cases.communityId, categoryCode: cases.categoryCode, n: count() })
        .from(cases)
        .where(and(inArray(cases.communityId, communityIds), gte(cases.reportedAt, from), lt(cases.reportedAt, to)))
        .groupBy(cases.communityId, cases.categoryCode)
    : [];
  const byCommunity = new Map<string, { categoryCode: string; n: number }[]>();
  for (const r of rows) byCommunity.set(r.communityId, [...(byCommunity.get(r.communityId) ?? []), r]);
  return {
    needs: new Map(communityIds.map((id) => [id, profileFromCases(byCommunity.get(id) ?? [])])),
    total: rows.reduce((s, r) => s + r.n, 0),
  };
}

export async function loadWorld(db: Db, year: number): Promise<World> {
  const orgs = await db
    .select()
    .from(organisations)
    .where(inArray(organisations.kind, ['community', 'unit']))
    .orderBy(asc(organisations.code), asc(organisations.id));
  const located = orgs.filter((o) => o.lng !== null && o.lat !== null);
  const communityRows = located.filter((o) => o.kind === 'community');
  const { needs, total } = await derivedNeeds(
    db,
    year,
    communityRows.map((c) => c.id),
  );
  return {
    communities: communityRows.map((c) => ({
      id: c.id,
      name: c.name,
      lng: c.lng ?? 0,
      lat: c.lat ?? 0,
      population: c.population,
      needs: needs.get(c.id) ?? {},
    })),
    units: located
      .filter((o) => o.kind === 'unit')
      .map((u) => ({
        id: u.id,
        name: u.name,
        lng: u.lng ?? 0,
        lat: u.lat ?? 0,
        headcount: u.population ?? 0,
        strengths: u.strengths,
        leader: u.leaderName ? `${u.leaderName}${u.leaderTitle ? `（${u.leaderTitle}）` : ''}` : null,
      })),
    casesCounted: total,
  };
}

function assertKnown(world: World, settings: PlanSettings): void {
  const units = new Set(world.units.map((u) => u.id));
  const communities = new Set(world.communities.map((c) => c.id));
  const bad: { path: string; message: string }[] = [];
  for (const [list, refs] of [
    ['pins', settings.pins ?? []],
    ['forbids', settings.forbids ?? []],
  ] as const) {
    refs.forEach((r, i) => {
      if (!units.has(r.unitId))
        bad.push({ path: `/settings/${list}/${i}/unitId`, message: 'not a unit with a location' });
      if (!communities.has(r.communityId))
        bad.push({ path: `/settings/${list}/${i}/communityId`, message: 'not a community with a location' });
    });
  }
  for (const id of Object.keys(settings.needs ?? {}))
    if (!communities.has(id)) bad.push({ path: `/settings/needs/${id}`, message: 'not a community' });
  if (bad.length) throw new AppError('VALIDATION_FAILED', {}, bad);
}

export function resolveSettings(world: World, settings: PlanSettings = {}): ResolvedSettings {
  assertKnown(world, settings);
  const k = settings.k ?? 1;
  const needs: Record<string, NeedsProfile> = {};
  for (const c of world.communities) needs[c.id] = settings.needs?.[c.id] ?? c.needs;
  return {
    k,
    weights: settings.weights ?? DEFAULT_WEIGHTS,
    bounds: settings.bounds ?? defaultBounds(world.units, world.communities.length, k),
    pins: settings.pins ?? [],
    forbids: settings.forbids ?? [],
    needs,
  };
}

export function problemOf(world: World, s: ResolvedSettings): PairingProblem {
  const units: UnitInput[] = world.units.map((u) => ({
    id: u.id,
    name: u.name,
    lng: u.lng,
    lat: u.lat,
    headcount: u.headcount,
    strengths: u.strengths,
  }));
  const communities: CommunityInput[] = world.communities.map((c) => ({
    id: c.id,
    name: c.name,
    lng: c.lng,
    lat: c.lat,
    needs: s.needs[c.id] ?? {},
  }));
  return { units, communities, k: s.k, bounds: s.bounds, weights: s.weights, pins: s.pins, forbids: s.forbids };
}

export function compiledOf(world: World, s: ResolvedSettings): Compiled {
  return compile(problemOf(world, s));
}

export async function communityOrUnitName(db: Db, id: string): Promise<string> {
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
  return row?.name ?? id;
}
