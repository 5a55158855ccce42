import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { assertFound, updateVersioned } from '../../core/crud.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { maskPhone } from '../../core/pii.js';
import { volunteerTeams } from '../volunteers/volunteers.schema.js';
import type { AlleyItemView, SixHave, UpdateAlleyItem } from './alleys.contracts.js';
import { SIX_HAVES } from './alleys.enums.js';
import { documentsOf } from './alleys.documents.js';
import { photosOf } from './alleys.photos.js';
import { assertMayManage } from './alleys.policy.js';
import { alleyRegionItems } from './alleys.schema.js';

/**
 * The 六有 checklist of a region with each item's evidence: the note, photos and documents, and its link — the
 * cleaning company (phone masked) on cleaningCompany, the volunteer team (read from the volunteers' table, by name)
 * on volunteerTeam.
 */
export async function regionItems(db: Db, regionId: string): Promise<AlleyItemView[]> {
  const [rows, photos, documents] = await Promise.all([
    db
      .select({ item: alleyRegionItems, teamName: volunteerTeams.name })
      .from(alleyRegionItems)
      .leftJoin(volunteerTeams, eq(volunteerTeams.id, alleyRegionItems.volunteerTeamId))
      .where(eq(alleyRegionItems.regionId, regionId)),
    photosOf(db, [regionId]),
    documentsOf(db, [regionId]),
  ]);
  return SIX_HAVES.flatMap((item) => {
    const found = rows.find((x) => x.item.item === item);
    if (!found) return [];
    const r = found.item;
    return [
      {
        item,
        status: r.status,
        evidenceNote: r.evidenceNote,
        photos: photos.filter((p) => p.item === item).map(({ regionId: _r, ...p }) => p),
        documents: documents.filter((d) => d.item === item).map(({ regionId: _r, ...d }) => d),
        company:
          item === 'cleaningCompany' && r.companyName
            ? { name: r.companyName, phone: maskPhone(r.companyPhone), contractUntil: r.contractUntil }
            : null,
        volunteerTeam:
          item === 'volunteerTeam' && r.volunteerTeamId && found.teamName
            ? { id: r.volunteerTeamId, name: found.teamName }
            : null,
        updatedAt: r.updatedAt.toISOString(),
        version: r.version,
      },
    ];
  });
}

/** The active volunteer teams of a community: those the region's volunteerTeam item may link to. */
export async function teamOptions(db: Db, communityId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: volunteerTeams.id, name: volunteerTeams.name })
    .from(volunteerTeams)
    .where(and(eq(volunteerTeams.communityId, communityId), eq(volunteerTeams.active, true)))
    .orderBy(asc(volunteerTeams.name));
}

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', {}, [{ path, message }]);

/** The columns a PATCH changes: each link only on its own item, a team only of the region's community. */
async function changedValues(
  db: Db,
  item: SixHave,
  communityId: string,
  input: UpdateAlleyItem,
): Promise<Partial<typeof alleyRegionItems.$inferInsert>> {
  const values: Partial<typeof alleyRegionItems.$inferInsert> = {};
  if (input.evidenceNote !== undefined) values.evidenceNote = input.evidenceNote;
  const company = [input.companyName, input.companyPhone, input.contractUntil].some((v) => v !== undefined);
  if (company && item !== 'cleaningCompany') throw invalid('/companyName', 'only on the cleaningCompany item');
  if (input.companyName !== undefined) values.companyName = input.companyName;
  if (input.companyPhone !== undefined) values.companyPhone = input.companyPhone;
  if (input.contractUntil !== undefined) values.contractUntil = input.contractUntil;
  // No company, no contact: clearing the name clears the rest.
  if (input.companyName === null) Object.assign(values, { companyPhone: null, contractUntil: null });
  if (input.volunteerTeamId !== undefined) {
    if (item !== 'volunteerTeam') throw invalid('/volunteerTeamId', 'only on the volunteerTeam item');
    if (input.volunteerTeamId !== null) {
      const ok = (await teamOptions(db, communityId)).some((t) => t.id === input.volunteerTeamId);
      if (!ok) throw invalid('/volunteerTeamId', "not an active team of the region's community");
    }
    values.volunteerTeamId = input.volunteerTeamId;
  }
  return values;
}

/** The community keeps an item's evidence: the note and the item's link, with the item's version. */
export async function updateItem(opts: {
  db: Db;
  actor: Actor;
  region: { id: string; communityId: string; gridId: string | null };
  item: SixHave;
  input: UpdateAlleyItem;
}): Promise<void> {
  const { region } = opts;
  await opts.db.transaction(async (tx) => {
    await assertMayManage(tx, opts.actor, region);
    const [before] = await tx
      .select()
      .from(alleyRegionItems)
      .where(and(eq(alleyRegionItems.regionId, region.id), eq(alleyRegionItems.item, opts.item)));
    const current = assertFound(before, 'alley_region');
    const values = await changedValues(tx, opts.item, region.communityId, opts.input);
    const after = await updateVersioned({
      db: tx,
      table: alleyRegionItems,
      id: current.id,
      version: opts.input.version,
      values,
      entity: 'alley_region',
    });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'alley_item.update',
      entityType: 'alley_region',
      entityId: region.id,
      before: { ...before, companyPhone: maskPhone(before.companyPhone) },
      after: { ...after, companyPhone: maskPhone(after.companyPhone) },
    });
  });
}
