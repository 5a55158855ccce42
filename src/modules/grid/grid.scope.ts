import { inArray } from 'drizzle-orm';
import { type Actor, isCountyAdmin, scopeGridIds, scopeOrgIds } from '../../core/auth/actor.js';
import type { Db } from '../../core/db.js';
import { organisations } from '../org/org.schema.js';
import { grids } from './grid.schema.js';

// Who may see which rows: an actor's role bindings widened through the organisation tree and the grids. It reads the
// organisations and grids tables, so it belongs to the grid module (which already depends on org), not to core; the
// table-free helpers that policies combine it with are in core/auth/scope.ts.

/** An actor's data scope, resolved once per request from their role bindings. */
export interface DataScope {
  all: boolean;
  /** Communities run by the actor as community admin (a town or county scope expands to its communities). */
  communityIds: string[];
  /** Codes of the grids a grid worker or alley head answers for; a code is a prefix of every grid below it. */
  gridCodePrefixes: string[];
  /** The communities those grids lie in. */
  gridCommunityIds: string[];
  /** Units administered by the actor. */
  unitIds: string[];
  personId: string | null;
}

const cache = new WeakMap<Actor, Promise<DataScope>>();

export function resolveScope(db: Db, actor: Actor): Promise<DataScope> {
  let p = cache.get(actor);
  if (!p) {
    p = computeScope(db, actor);
    cache.set(actor, p);
  }
  return p;
}

async function computeScope(db: Db, actor: Actor): Promise<DataScope> {
  if (isCountyAdmin(actor)) {
    return {
      all: true,
      communityIds: [],
      gridCodePrefixes: [],
      gridCommunityIds: [],
      unitIds: [],
      personId: actor.personId,
    };
  }
  const adminOrgIds = scopeOrgIds(actor, 'community_admin');
  const communityIds = adminOrgIds.length ? await communitiesWithin(db, adminOrgIds) : [];
  const gridIds = scopeGridIds(actor, 'grid_worker', 'alley_head');
  const gridRows = gridIds.length
    ? await db
        .select({ code: grids.code, communityId: grids.communityId })
        .from(grids)
        .where(inArray(grids.id, gridIds))
    : [];
  return {
    all: false,
    communityIds,
    gridCodePrefixes: gridRows.map((g) => g.code),
    gridCommunityIds: [...new Set(gridRows.map((g) => g.communityId))],
    unitIds: scopeOrgIds(actor, 'unit_admin'),
    personId: actor.personId,
  };
}

/** The community organisations at or below the given organisations (county → towns → communities). */
async function communitiesWithin(db: Db, orgIds: string[]): Promise<string[]> {
  // The administrative part of the tree is small (a county has tens of towns and communities): walk it in memory.
  const rows = await db
    .select({ id: organisations.id, kind: organisations.kind, parentId: organisations.parentId })
    .from(organisations)
    .where(inArray(organisations.kind, ['county', 'town', 'community']));
  const children = new Map<string, typeof rows>();
  for (const r of rows) if (r.parentId) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const found = new Set<string>();
  const stack = rows.filter((r) => orgIds.includes(r.id));
  while (stack.length) {
    const r = stack.pop()!;
    if (r.kind === 'community') found.add(r.id);
    else stack.push(...(children.get(r.id) ?? []));
  }
  return [...found];
}
