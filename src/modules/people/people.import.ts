import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import { type DataScope, resolveScope } from '../grid/grid.scope.js';
import { recordset, rowsOf } from '../../core/bulk.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { cellDate, format, readSheet, RowErrors, type SheetRow } from '../../core/excel/excel.js';
import { applyImport, boundedText, IMPORT_REASONS, type ImportOptions, textOf } from '../../core/excel/import.js';
import type { Locale } from '../../core/i18n.js';
import { isValidIdNumber, PHONE_PATTERN } from '../../core/idcard.js';
import { grids } from '../grid/grid.schema.js';
import type { ImportReport } from './people.contracts.js';
import { PERSON_COLUMNS, ROLE_LABELS } from './people.excel.js';
import { mayManagePlace } from './people.policy.js';
import { people } from './people.schema.js';

const REASONS = {
  'zh-CN': {
    ...IMPORT_REASONS['zh-CN'],
    gender: '应为“男”或“女”',
    phone: '应为 1 开头的 11 位手机号码',
    id_number: '不是有效的 18 位身份证号（出生日期或校验位不对）',
    id_as_number: '身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为文本后重新填写',
    birth_mismatch: '与身份证号中的出生日期（{date}）不一致',
    gender_mismatch: '与身份证号中的性别不一致',
    grid_unknown: '网格编码“{code}”不存在',
    grid_out_of_scope: '网格“{code}”不在您的管理范围内',
    grid_required: '请填写网格编码：导入的人员须住在您管理的网格内',
    role_unknown: '无法识别的身份“{label}”，可填：{options}',
    duplicate_in_file: '与第 {row} 行的身份证号重复',
    person_out_of_scope: '该身份证号已登记在您管理范围以外的人员名下',
  },
  en: {
    ...IMPORT_REASONS.en,
    gender: 'must be 男 (male) or 女 (female)',
    phone: 'must be an 11-digit mobile number starting with 1',
    id_number: 'not a valid 18-character ID number (birth date or check digit wrong)',
    id_as_number:
      'Excel stored the ID number as a number and lost its last digits; format the column as text and re-enter it',
    birth_mismatch: 'does not match the birth date in the ID number ({date})',
    gender_mismatch: 'does not match the gender encoded in the ID number',
    grid_unknown: 'grid code "{code}" does not exist',
    grid_out_of_scope: 'grid "{code}" is outside your area',
    grid_required: 'a grid code is required: imported people must live in a grid you manage',
    role_unknown: 'unknown role "{label}"; use: {options}',
    duplicate_in_file: 'same ID number as row {row}',
    person_out_of_scope: 'this ID number belongs to a person outside your area',
  },
} as const;
export type PersonReason = keyof (typeof REASONS)['zh-CN'];

/** A row-error message in the request's language. */
export const personReason = (locale: Locale, r: PersonReason, params?: Record<string, string | number>) =>
  format(REASONS[locale][r], params);

export interface GridRef {
  id: string;
  code: string;
  communityId: string;
}

/** A person as read from one row; null fields were left empty. */
export interface PersonDraft {
  row: number;
  name: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  phone: string | null;
  idNumber: string | null;
  address: string | null;
  grid: GridRef | null;
  /** null: keep an existing person's roles. */
  roles: (keyof typeof ROLE_LABELS)[] | null;
  note: string | null;
}

/** What row validation needs: where errors go, in which language, and the grids named by the file. */
export interface RowContext {
  errors: RowErrors;
  locale: Locale;
  gridsByCode: Map<string, GridRef>;
}

const bounded = (ctx: RowContext, r: SheetRow, key: string, max: number) =>
  boundedText(ctx.errors, ctx.locale, r, key, max);

/** Checks the person columns of a row (also used by the Party-member import); null when any is wrong. */
export function parsePersonRow(r: SheetRow, ctx: RowContext): PersonDraft | null {
  const say = (key: string, reason: PersonReason, params?: Record<string, string | number>) =>
    ctx.errors.add(r.row, key, personReason(ctx.locale, reason, params));
  const name = bounded(ctx, r, 'name', 50);
  if (!name) say('name', 'required');
  const phone = textOf(r, 'phone').replace(/[\s-]/g, '') || null;
  if (phone && !PHONE_PATTERN.test(phone)) say('phone', 'phone');
  const idNumber = parseIdNumber(r, say);
  const gender = parseGender(r, idNumber, say);
  const birthDate = parseBirthDate(r, idNumber, say);
  const grid = parseGrid(r, ctx, say);
  const roles = parseRoles(r, ctx, say);
  const draft = {
    row: r.row,
    name: name ?? '',
    gender,
    birthDate,
    phone,
    idNumber,
    grid,
    roles,
    address: bounded(ctx, r, 'address', 200),
    note: bounded(ctx, r, 'note', 1000),
  };
  return ctx.errors.has(r.row) ? null : draft;
}

type Say = (key: string, reason: PersonReason, params?: Record<string, string | number>) => void;

function parseIdNumber(r: SheetRow, say: Say): string | null {
  const cell = r.cells.idNumber;
  const v = textOf(r, 'idNumber').toUpperCase();
  if (!v) return null;
  if (typeof cell === 'number') say('idNumber', 'id_as_number');
  else if (!isValidIdNumber(v)) say('idNumber', 'id_number');
  else return v;
  return null;
}

/** Blank gender and birth date are read from the ID number; given ones must agree with it. */
function parseGender(r: SheetRow, idNumber: string | null, say: Say): 'male' | 'female' | null {
  const v = textOf(r, 'gender').toLowerCase();
  const fromId = idNumber ? (Number(idNumber[16]) % 2 === 1 ? 'male' : 'female') : null;
  if (!v) return fromId;
  const g = v === '男' || v === 'male' ? 'male' : v === '女' || v === 'female' ? 'female' : null;
  if (!g) say('gender', 'gender');
  else if (fromId && g !== fromId) say('gender', 'gender_mismatch');
  return g;
}

function parseBirthDate(r: SheetRow, idNumber: string | null, say: Say): string | null {
  const d = cellDate(r.cells.birthDate ?? null);
  const fromId = idNumber ? `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}` : null;
  if (d === undefined) return fromId;
  if (d === null) say('birthDate', 'date');
  else if (fromId && d !== fromId) say('birthDate', 'birth_mismatch', { date: fromId });
  return d;
}

function parseGrid(r: SheetRow, ctx: RowContext, say: Say): GridRef | null {
  const code = textOf(r, 'homeGridCode');
  if (!code) return null;
  const grid = ctx.gridsByCode.get(code);
  if (!grid) say('homeGridCode', 'grid_unknown', { code });
  return grid ?? null;
}

const ROLE_BY_LABEL = new Map<string, keyof typeof ROLE_LABELS>(
  Object.entries(ROLE_LABELS).flatMap(([key, zh]) => [
    [zh, key as keyof typeof ROLE_LABELS],
    [key, key as keyof typeof ROLE_LABELS],
  ]),
);

function parseRoles(r: SheetRow, ctx: RowContext, say: Say): PersonDraft['roles'] {
  if (!('roles' in r.cells)) return null;
  const labels = textOf(r, 'roles')
    .split(/[、,，;；\s]+/)
    .filter(Boolean);
  if (!labels.length) return null;
  const roles = new Set<keyof typeof ROLE_LABELS>();
  for (const l of labels) {
    const role = ROLE_BY_LABEL.get(l) ?? ROLE_BY_LABEL.get(l.toLowerCase());
    if (role) roles.add(role);
    else
      say('roles', 'role_unknown', {
        label: l,
        options: Object.values(ROLE_LABELS).join(ctx.locale === 'en' ? ', ' : '、'),
      });
  }
  return [...roles];
}

/** The grids the file names, in one query. */
export async function gridsByCode(db: Db, rows: SheetRow[]): Promise<Map<string, GridRef>> {
  const codes = [...new Set(rows.map((r) => textOf(r, 'homeGridCode')).filter(Boolean))];
  if (!codes.length) return new Map();
  // One array parameter, not one per code: a file may name 100,000 different (bad) codes.
  const found = await db
    .select({ id: grids.id, code: grids.code, communityId: grids.communityId })
    .from(grids)
    .where(sql`${grids.code} = any(${sql.param(codes)}::text[])`);
  return new Map(found.map((g) => [g.code, g]));
}

/** Later rows repeating an ID number are errors (the first occurrence stands). */
export function rejectDuplicateIds<T extends { row: number; idNumber: string | null }>(
  drafts: T[],
  ctx: RowContext,
): T[] {
  const first = new Map<string, number>();
  return drafts.filter((d) => {
    if (!d.idNumber) return true;
    const seen = first.get(d.idNumber);
    if (seen === undefined) {
      first.set(d.idNumber, d.row);
      return true;
    }
    ctx.errors.add(d.row, 'idNumber', personReason(ctx.locale, 'duplicate_in_file', { row: seen }));
    return false;
  });
}

export interface ExistingPerson {
  id: string;
  name: string;
  idNumber: string;
  communityId: string | null;
  homeGridCode: string | null;
}

/** People already registered under the file's ID numbers, with the place that decides who may change them. */
export async function peopleByIdNumber(db: Db, idNumbers: string[]): Promise<Map<string, ExistingPerson>> {
  if (!idNumbers.length) return new Map();
  const rows = await db
    .select({
      id: people.id,
      name: people.name,
      idNumber: people.idNumber,
      communityId: people.communityId,
      homeGridCode: grids.code,
    })
    .from(people)
    .leftJoin(grids, eq(grids.id, people.homeGridId))
    .where(sql`${people.idNumber} = any(${sql.param(idNumbers)}::text[])`);
  return new Map(rows.map((p) => [p.idNumber as string, { ...p, idNumber: p.idNumber as string }]));
}

export const placeOf = (grid: GridRef | null, fallbackCommunityId: string | null = null) => ({
  communityId: grid?.communityId ?? fallbackCommunityId,
  homeGridCode: grid?.code ?? null,
});

interface PlannedPerson extends PersonDraft {
  existingId: string | null;
}

/** Validates every row; rows that pass become inserts or (matched by ID number) updates. */
async function planPeople(db: Db, scope: DataScope, rows: SheetRow[], locale: Locale) {
  const ctx: RowContext = { errors: new RowErrors(PERSON_COLUMNS), locale, gridsByCode: await gridsByCode(db, rows) };
  const drafts = rejectDuplicateIds(
    rows.map((r) => parsePersonRow(r, ctx)).filter((d): d is PersonDraft => d !== null),
    ctx,
  );
  const existing = await peopleByIdNumber(
    db,
    drafts.flatMap((d) => (d.idNumber ? [d.idNumber] : [])),
  );
  const planned: PlannedPerson[] = [];
  for (const d of drafts) {
    const match = d.idNumber ? existing.get(d.idNumber) : undefined;
    if (!d.grid && !scope.all) ctx.errors.add(d.row, 'homeGridCode', personReason(locale, 'grid_required'));
    else if (d.grid && !mayManagePlace(scope, placeOf(d.grid))) {
      ctx.errors.add(d.row, 'homeGridCode', personReason(locale, 'grid_out_of_scope', { code: d.grid.code }));
    } else if (match && !mayManagePlace(scope, match))
      ctx.errors.add(d.row, 'idNumber', personReason(locale, 'person_out_of_scope'));
    else planned.push({ ...d, existingId: match?.id ?? null });
  }
  return { errors: ctx.errors, planned };
}

/**
 * Imports people from a workbook: every row is validated before anything is written; the valid rows then go in as
 * core/excel/import.ts's applyImport decides (modes, dry run), inserts and (matched by ID number) updates.
 */
export async function importPeople(opts: ImportOptions): Promise<ImportReport> {
  const rows = await readSheet(opts.file, { columns: PERSON_COLUMNS, locale: opts.locale });
  const { errors, planned } = await planPeople(opts.db, await resolveScope(opts.db, opts.actor), rows, opts.locale);
  const updates = planned.filter((p) => p.existingId).length;
  const plan = { totalRows: rows.length, errors, validRows: planned.length, updates };
  return applyImport(opts, plan, async (tx, counts) => {
    await upsertPeople(tx, planned);
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'person.import',
      entityType: 'person',
      after: { fileName: opts.fileName, mode: opts.mode, totalRows: rows.length, ...counts, errorCount: errors.count },
    });
  });
}

/** Rows per statement: each chunk travels as one JSON parameter of about a megabyte. */
const ROWS_PER_STATEMENT = 5000;

/** A person as a row of the people table, keyed by column name. */
export function personRecord(p: PersonDraft, communityId = p.grid?.communityId ?? null) {
  return {
    name: p.name,
    gender: p.gender,
    birth_date: p.birthDate,
    phone: p.phone,
    id_number: p.idNumber,
    address: p.address,
    home_grid_id: p.grid?.id ?? null,
    community_id: communityId,
    roles: p.roles ?? [],
    note: p.note,
  };
}
export const PERSON_RECORD_COLUMNS = sql.raw(
  'name, gender, birth_date, phone, id_number, address, home_grid_id, community_id, roles, note',
);

/**
 * INSERT … ON CONFLICT (id_number) DO UPDATE. Empty cells keep what an existing person has. The update is limited
 * to the people planned as updates (whose scope was checked): a conflicting person who appeared since is not
 * returned, the counts differ, and the whole import rolls back instead of touching them.
 */
async function upsertPeople(tx: Db, planned: PlannedPerson[]): Promise<void> {
  for (let i = 0; i < planned.length; i += ROWS_PER_STATEMENT) {
    const chunk = planned.slice(i, i + ROWS_PER_STATEMENT);
    const updateIds = chunk.flatMap((p) => (p.existingId ? [p.existingId] : []));
    const written = await rowsOf(
      tx,
      sql`
      insert into people (${PERSON_RECORD_COLUMNS})
      select ${PERSON_RECORD_COLUMNS} from ${recordset(
        'people',
        chunk.map((p) => personRecord(p)),
      )}
      on conflict (id_number) do update set
        name = excluded.name, gender = coalesce(excluded.gender, people.gender),
        birth_date = coalesce(excluded.birth_date, people.birth_date), phone = coalesce(excluded.phone, people.phone),
        address = coalesce(excluded.address, people.address), home_grid_id = coalesce(excluded.home_grid_id, people.home_grid_id),
        community_id = coalesce(excluded.community_id, people.community_id), note = coalesce(excluded.note, people.note),
        roles = case when cardinality(excluded.roles) = 0 then people.roles else excluded.roles end,
        version = people.version + 1, updated_at = now()
      where people.id = any(${sql.param(updateIds)}::uuid[])
      returning people.id`,
    );
    if (written.length !== chunk.length) throw new AppError('CONFLICT', { reason: 'id_number' });
  }
}
