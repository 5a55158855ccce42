import type { Role } from '../core/auth/roles.js';
import type { Duties } from './build-duties.js';
import type { GridTree } from './build-grids.js';
import {
  type CommunitySeed,
  type OrgRow,
  type PersonSeed,
  type RoleBindingRow,
  STAMP,
  type UnitSeed,
  type UserRow,
} from './demo-types.js';
import { unitUsername } from './demo-units.js';
import { patrolLogins } from './demo-volunteers-plan.js';
import type { Rng } from './rng.js';

export interface UserSpec {
  username: string;
  displayName: string;
  role: Role;
  scopeOrgId?: string;
  scopeGridId?: string;
  personId?: string;
}

export interface DemoWorld {
  county: OrgRow;
  communities: CommunitySeed[];
  units: UnitSeed[];
  tree: GridTree;
  duties: Duties;
  residents: PersonSeed[];
  inService: PersonSeed[];
}

/** The in-service member behind member01: the first member of U001 who lives in 杭东社区. */
export function flagshipMember(world: Pick<DemoWorld, 'communities' | 'units' | 'inService'>): PersonSeed {
  const hangdong = world.communities[0].org.id;
  const unit = world.units[0].org.id;
  const found = world.inService.find((p) => p.member?.unitId === unit && p.member.residenceCommunityId === hangdong);
  if (!found) throw new Error('no in-service member of U001 lives in 杭东社区');
  return found;
}

/**
 * Each unit's admin login is its Party organisation's secretary: the unit's first in-service member (member01's
 * person excepted, who has a login of their own). So what the unit records on site — its 到场 and 办结 on a case —
 * is a Party member's work, and a verified case writes their 'case' record in the service ledger (cases/handling/).
 */
function unitSecretary(world: Pick<DemoWorld, 'communities' | 'units' | 'inService'>, unit: UnitSeed): string {
  const flagship = flagshipMember(world);
  const found = world.inService.find((p) => p.member?.unitId === unit.org.id && p !== flagship);
  if (!found) throw new Error(`unit ${unit.org.name} has no in-service member besides member01`);
  return found.row.id;
}

/** The six logins of DESIGN §4, all in or paired with 杭东社区. */
function mainLogins(world: DemoWorld): UserSpec[] {
  const hangdong = world.communities[0];
  const firstGrid = world.tree.byLevel[1].find((g) => g.community === hangdong && g.ordinal === 1);
  const worker = firstGrid ? world.duties.gridWorkers.get(firstGrid.id) : undefined;
  if (!firstGrid || !worker) throw new Error('杭东社区 has no first full-time grid worker');
  const member = flagshipMember(world);
  const resident = world.residents.find(
    (p) => p.community === hangdong && !p.member && !p.onDuty && p.row.roles.length === 1,
  );
  if (!resident) throw new Error('杭东社区 has no plain resident');
  const unit = world.units[0].org;
  return [
    { username: 'admin', displayName: '县委组织部', role: 'county_admin', scopeOrgId: world.county.id },
    {
      username: 'hangdong',
      displayName: `${hangdong.def.name}党委`,
      role: 'community_admin',
      scopeOrgId: hangdong.org.id,
    },
    {
      username: 'grid01',
      displayName: worker.row.name,
      role: 'grid_worker',
      scopeGridId: firstGrid.id,
      personId: worker.row.id,
    },
    {
      username: 'unit01',
      displayName: unit.name,
      role: 'unit_admin',
      scopeOrgId: unit.id,
      personId: unitSecretary(world, world.units[0]),
    },
    { username: 'member01', displayName: member.row.name, role: 'party_member', personId: member.row.id },
    { username: 'resident01', displayName: resident.row.name, role: 'resident', personId: resident.row.id },
  ];
}

/**
 * alley01: the first alley head of 杭东社区's first alley region (巷长), bound to its alley grid; their person holds
 * the grid's alley_head duty, which is what makes them the region's head (alleys.policy.ts).
 */
function alleyLogin(world: DemoWorld): UserSpec {
  const hangdong = world.communities[0];
  const alley = world.tree.alleys.find((a) => a.grid.community === hangdong);
  const head = alley ? world.duties.alleyHeads.get(alley.region.id)?.[0] : undefined;
  if (!alley || !head) throw new Error('杭东社区 has no alley region with a head');
  return {
    username: 'alley01',
    displayName: head.row.name,
    role: 'alley_head',
    scopeGridId: alley.grid.id,
    personId: head.row.id,
  };
}

/** A community admin for each of the other ten communities and a unit admin for units U002–U083. */
function otherLogins(world: DemoWorld): UserSpec[] {
  const communities = world.communities.slice(1).map(
    (c): UserSpec => ({
      username: c.def.pinyin,
      displayName: `${c.def.name}党委`,
      role: 'community_admin',
      scopeOrgId: c.org.id,
    }),
  );
  const units = world.units.slice(1).map(
    (u): UserSpec => ({
      username: unitUsername(u.index),
      displayName: u.org.name,
      role: 'unit_admin',
      scopeOrgId: u.org.id,
      personId: unitSecretary(world, u),
    }),
  );
  return [...communities, ...units];
}

/**
 * volunteer01 and lead01: a member and the leader of 杭川老大妈义务巡逻队 (demo-volunteers.ts puts their people in the
 * team); the volunteer role, no scope.
 */
function volunteerLogins(world: DemoWorld): UserSpec[] {
  const { lead, member } = patrolLogins(world.residents, world.communities[0].org.id);
  return [
    { username: 'volunteer01', displayName: member.row.name, role: 'volunteer', personId: member.row.id },
    { username: 'lead01', displayName: lead.row.name, role: 'volunteer', personId: lead.row.id },
  ];
}

export function buildUsers(
  rng: Rng,
  world: DemoWorld,
  passwordHash: string,
): { users: UserRow[]; bindings: RoleBindingRow[] } {
  // alley01 and then the volunteer logins come last, so the other logins' ids (drawn in order) are those they always had.
  const specs = [...mainLogins(world), ...otherLogins(world), alleyLogin(world), ...volunteerLogins(world)];
  const users: UserRow[] = [];
  const bindings: RoleBindingRow[] = [];
  for (const s of specs) {
    const user: UserRow = {
      id: rng.uuid(),
      username: s.username,
      displayName: s.displayName,
      personId: s.personId ?? null,
      passwordHash,
      ...STAMP,
    };
    users.push(user);
    bindings.push({
      id: rng.uuid(),
      userId: user.id,
      role: s.role,
      scopeOrgId: s.scopeOrgId ?? null,
      scopeGridId: s.scopeGridId ?? null,
      createdAt: STAMP.createdAt,
    });
  }
  return { users, bindings };
}
