import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import { type DataScope, resolveScope } from '../../grid/grid.scope.js';
import { recordset, rowsOf } from '../../../core/bulk.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import type { ImportReport } from '../../../core/contracts.js';
import { cellDate, format, readSheet, RowErrors, type SheetRow } from '../../../core/excel/excel.js';
import { applyImport, type ImportOptions, importReason, textOf } from '../../../core/excel/import.js';
import type { Locale } from '../../../core/i18n.js';
import { organisations } from '../../org/org.schema.js';
import { MEMBER_KIND_LABELS } from '../people.excel.js';
import {
  type ExistingPerson,
  gridsByCode,
  parsePersonRow,
  PERSON_RECORD_COLUMNS,
  peopleByIdNumber,
  type PersonDraft,
  personReason,
  personRecord,
  placeOf,
  rejectDuplicateIds,
  type RowContext,
} from '../people.import.js';
import { mayManagePlace } from '../people.policy.js';
import { MEMBER_COLUMNS } from './members.excel.js';
import { partyMembers } from './members.schema.js';

const REASONS = {
  'zh-CN': {
    kind: '应为以下之一：{options}',
    unit_unknown: '单位编码“{code}”不存在',
    unit_required: '在职党员须填写所在单位的编码',
    community_unknown: '找不到名为“{name}”的社区',
    branch_unknown: '在所填的居住社区和单位下找不到支部“{name}”',
    out_of_scope: '该党员不在您的管理范围内：居住社区或单位须是您管理的',
    existing_out_of_scope: '该人员已是党员，且其党员信息不在您的管理范围内',
    name_mismatch: '该身份证号已登记，但姓名与登记的不一致',
  },
  en: {
    kind: 'must be one of: {options}',
    unit_unknown: 'unit code "{code}" does not exist',
    unit_required: 'an in-service member needs the code of their unit',
    community_unknown: 'no community is named "{name}"',
    branch_unknown: 'no branch "{name}" under the given residence community or unit',
    out_of_scope: 'this member is outside your area: the residence community or unit must be one you manage',
    existing_out_of_scope: 'this person is already a Party member whose record is outside your area',
    name_mismatch: 'this ID number is registered under a different name',
  },
} as const;
type MemberReason = keyof (typeof REASONS)['zh-CN'];

type Kind = keyof typeof MEMBER_KIND_LABELS;
const KIND_BY_LABEL = new Map(
  Object.entries(MEMBER_KIND_LABELS).flatMap(([k, zh]) => [
    [zh, k as Kind],
    [k, k as Kind],
  ]),
);

interface MemberDraft {
  person: PersonDraft & { idNumber: string };
  kind: Kind;
  unitId: string | null;
  residenceCommunityId: string | null;
  branchId: string | null;
  joinedAt: string | null;
}

/** The organisations a member row names, looked up once per file. */
interface OrgLookups {
  unitsByCode: Map<string, string>;
  communitiesByName: Map<string, string>;
  /** `${parentId}/${name}` → branch id */
  branches: Map<string, string>;
  branchParents: Map<string, string | null>;
}

async function lookupOrgs(db: Db): Promise<OrgLookups> {
  // Units, communities and branches of one county number in the hundreds: read them whole rather than by name.
  const orgs = await db
    .select({
      id: organisations.id,
      kind: organisations.kind,
      code: organisations.code,
      name: organisations.name,
      parentId: organisations.parentId,
    })
    .from(organisations)
    .where(sql`${organisations.kind} in ('unit', 'community', 'branch')`);
  const lookups: OrgLookups = {
    unitsByCode: new Map(),
    communitiesByName: new Map(),
    branches: new Map(),
    branchParents: new Map(),
  };
  for (const o of orgs) {
    if (o.kind === 'unit' && o.code) lookups.unitsByCode.set(o.code, o.id);
    if (o.kind === 'community') lookups.communitiesByName.set(o.name, o.id);
    if (o.kind === 'branch') lookups.branchParents.set(o.id, o.parentId);
    if (o.kind === 'branch' && o.parentId) lookups.branches.set(`${o.parentId}/${o.name}`, o.id);
  }
  return lookups;
}

/** One row: the person columns (ID number required), then kind, unit, community, branch and joined date. */
function parseMemberRow(r: SheetRow, ctx: RowContext, orgs: OrgLookups): MemberDraft | null {
  const say = (key: string, reason: MemberReason, params?: Record<string, string>) =>
    ctx.errors.add(r.row, key, format(REASONS[ctx.locale][reason], params));
  const person = parsePersonRow(r, ctx);
  if (!textOf(r, 'idNumber')) ctx.errors.add(r.row, 'idNumber', importReason(ctx.locale, 'required'));
  const kindLabel = textOf(r, 'kind');
  const kind = KIND_BY_LABEL.get(kindLabel);
  if (!kindLabel) ctx.errors.add(r.row, 'kind', importReason(ctx.locale, 'required'));
  else if (!kind) say('kind', 'kind', { options: Object.values(MEMBER_KIND_LABELS).join('、') });
  const unitCode = textOf(r, 'unitCode');
  const unitId = unitCode ? (orgs.unitsByCode.get(unitCode) ?? null) : null;
  if (unitCode && !unitId) say('unitCode', 'unit_unknown', { code: unitCode });
  else if (kind === 'in_service' && !unitCode) say('unitCode', 'unit_required');
  const communityName = textOf(r, 'residenceCommunity');
  const residenceCommunityId = communityName ? (orgs.communitiesByName.get(communityName) ?? null) : null;
  if (communityName && !residenceCommunityId) say('residenceCommunity', 'community_unknown', { name: communityName });
  const branchName = textOf(r, 'branch');
  const branchId = branchName
    ? (orgs.branches.get(`${residenceCommunityId}/${branchName}`) ??
      orgs.branches.get(`${unitId}/${branchName}`) ??
      null)
    : null;
  if (branchName && !branchId) say('branch', 'branch_unknown', { name: branchName });
  const joinedAt = cellDate(r.cells.joinedAt ?? null);
  if (joinedAt === null) ctx.errors.add(r.row, 'joinedAt', importReason(ctx.locale, 'date'));
  if (ctx.errors.has(r.row) || !person?.idNumber || !kind) return null;
  return {
    person: { ...person, idNumber: person.idNumber },
    kind,
    unitId,
    residenceCommunityId,
    branchId,
    joinedAt: joinedAt ?? null,
  };
}

interface Placement {
  unitId: string | null;
  residenceCommunityId: string | null;
  branchId: string | null;
}

/**
 * The rule of assertMayManageMember without a query per row: the residence community or unit is the actor's, or
 * the branch hangs under one of theirs.
 */
function mayManageMember(scope: DataScope, m: Placement, branchParents: Map<string, string | null>): boolean {
  if (scope.all) return true;
  const owners = [...scope.communityIds, ...scope.unitIds];
  const branchParent = m.branchId ? (branchParents.get(m.branchId) ?? null) : null;
  return (
    (!!m.residenceCommunityId && scope.communityIds.includes(m.residenceCommunityId)) ||
    (!!m.unitId && scope.unitIds.includes(m.unitId)) ||
    (!!branchParent && owners.includes(branchParent))
  );
}

interface PlannedMember extends MemberDraft {
  existingPerson: ExistingPerson | null;
  existingMemberId: string | null;
}

async function membersByPerson(db: Db, personIds: string[]) {
  if (!personIds.length) return new Map<string, Placement & { id: string }>();
  const rows = await db
    .select({
      id: partyMembers.id,
      personId: partyMembers.personId,
      unitId: partyMembers.unitId,
      residenceCommunityId: partyMembers.residenceCommunityId,
      branchId: partyMembers.branchId,
    })
    .from(partyMembers)
    .where(sql`${partyMembers.personId} = any(${sql.param(personIds)}::uuid[])`);
  return new Map(rows.map((m) => [m.personId, m]));
}

/** Validates every row, then checks scope and matches people and members already registered. */
async function planMembers(db: Db, scope: DataScope, rows: SheetRow[], locale: Locale) {
  const ctx: RowContext = { errors: new RowErrors(MEMBER_COLUMNS), locale, gridsByCode: await gridsByCode(db, rows) };
  const orgs = await lookupOrgs(db);
  const branchParents = orgs.branchParents;
  const parsed = rows.map((r) => parseMemberRow(r, ctx, orgs)).filter((d): d is MemberDraft => d !== null);
  const drafts = rejectDuplicateIds(
    parsed.map((d) => ({ ...d, row: d.person.row, idNumber: d.person.idNumber })),
    ctx,
  );
  const existingPeople = await peopleByIdNumber(
    db,
    drafts.map((d) => d.idNumber),
  );
  const existingMembers = await membersByPerson(
    db,
    [...existingPeople.values()].map((p) => p.id),
  );
  const say = (row: number, key: string, reason: MemberReason) =>
    ctx.errors.add(row, key, format(REASONS[locale][reason]));
  const planned: PlannedMember[] = [];
  for (const d of drafts) {
    const person = existingPeople.get(d.idNumber) ?? null;
    const member = person ? (existingMembers.get(person.id) ?? null) : null;
    const grid = d.person.grid;
    if (!mayManageMember(scope, d, branchParents)) say(d.row, 'residenceCommunity', 'out_of_scope');
    else if (person && person.name !== d.person.name) say(d.row, 'name', 'name_mismatch');
    else if (member && !mayManageMember(scope, member, branchParents)) say(d.row, 'idNumber', 'existing_out_of_scope');
    else if (!person && grid && !mayManagePlace(scope, placeOf(grid))) {
      ctx.errors.add(d.row, 'homeGridCode', personReason(locale, 'grid_out_of_scope', { code: grid.code }));
    } else planned.push({ ...d, existingPerson: person, existingMemberId: member?.id ?? null });
  }
  return { errors: ctx.errors, planned };
}

/**
 * Imports Party members: each row's person is matched by ID number or created from the row (their own details are
 * otherwise left to the people import), and the member record inserted or updated. Same modes as importPeople.
 */
export async function importMembers(opts: ImportOptions): Promise<ImportReport> {
  const rows = await readSheet(opts.file, { columns: MEMBER_COLUMNS, locale: opts.locale });
  const { errors, planned } = await planMembers(opts.db, await resolveScope(opts.db, opts.actor), rows, opts.locale);
  const updates = planned.filter((p) => p.existingMemberId).length;
  const plan = { totalRows: rows.length, errors, validRows: planned.length, updates };
  return applyImport(opts, plan, async (tx, counts) => {
    const peopleCreated = await createPeople(tx, planned);
    await upsertMembers(tx, planned);
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'party_member.import',
      entityType: 'party_member',
      after: {
        fileName: opts.fileName,
        mode: opts.mode,
        totalRows: rows.length,
        ...counts,
        peopleCreated,
        errorCount: errors.count,
      },
    });
  });
}

const ROWS_PER_STATEMENT = 5000;

/** Inserts the people not registered yet (one JSON parameter a chunk, see upsertPeople) and notes their ids. */
async function createPeople(tx: Db, planned: PlannedMember[]): Promise<number> {
  const fresh = planned.filter((p) => !p.existingPerson);
  for (let i = 0; i < fresh.length; i += ROWS_PER_STATEMENT) {
    const chunk = fresh.slice(i, i + ROWS_PER_STATEMENT);
    const records = chunk.map((p) =>
      personRecord(p.person, placeOf(p.person.grid, p.residenceCommunityId).communityId),
    );
    const inserted = await rowsOf<{ id: string; id_number: string }>(
      tx,
      sql`
      insert into people (${PERSON_RECORD_COLUMNS}) select ${PERSON_RECORD_COLUMNS} from ${recordset('people', records)}
      returning id, id_number`,
    );
    const ids = new Map(inserted.map((r) => [r.id_number, r.id]));
    for (const p of chunk) {
      p.existingPerson = {
        id: ids.get(p.person.idNumber)!,
        name: p.person.name,
        idNumber: p.person.idNumber,
        communityId: null,
        homeGridCode: null,
      };
    }
  }
  return fresh.length;
}

const MEMBER_RECORD_COLUMNS = sql.raw('person_id, kind, unit_id, residence_community_id, branch_id, joined_at');

/**
 * INSERT … ON CONFLICT (person_id) DO UPDATE, limited to the member records planned as updates (scope checked):
 * one that appeared since is not returned, the counts differ and the import rolls back. Empty cells keep values.
 */
async function upsertMembers(tx: Db, planned: PlannedMember[]): Promise<void> {
  for (let i = 0; i < planned.length; i += ROWS_PER_STATEMENT) {
    const chunk = planned.slice(i, i + ROWS_PER_STATEMENT);
    const updateIds = chunk.flatMap((p) => (p.existingMemberId ? [p.existingMemberId] : []));
    const records = chunk.map((p) => ({
      person_id: p.existingPerson!.id,
      kind: p.kind,
      unit_id: p.unitId,
      residence_community_id: p.residenceCommunityId,
      branch_id: p.branchId,
      joined_at: p.joinedAt,
    }));
    const written = await rowsOf(
      tx,
      sql`
      insert into party_members (${MEMBER_RECORD_COLUMNS})
      select ${MEMBER_RECORD_COLUMNS} from ${recordset('party_members', records)}
      on conflict (person_id) do update set
        kind = excluded.kind, unit_id = coalesce(excluded.unit_id, party_members.unit_id),
        residence_community_id = coalesce(excluded.residence_community_id, party_members.residence_community_id),
        branch_id = coalesce(excluded.branch_id, party_members.branch_id),
        joined_at = coalesce(excluded.joined_at, party_members.joined_at),
        version = party_members.version + 1, updated_at = now()
      where party_members.id = any(${sql.param(updateIds)}::uuid[])
      returning party_members.id`,
    );
    if (written.length !== chunk.length) throw new AppError('CONFLICT', { reason: 'party_member' });
  }
}
