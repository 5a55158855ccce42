import { asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../core/auth/actor.js';
import { gridCodeUnder } from '../../core/auth/scope.js';
import { resolveScope, type DataScope } from '../grid/grid.scope.js';
import type { Db } from '../../core/db.js';
import {
  buildTemplate,
  type Download,
  type ExcelColumn,
  type ExportColumn,
  fileDay,
  MAX_EXPORT_ROWS,
  withExamples,
} from '../../core/excel/excel.js';
import { auditedExportByIds } from '../../core/excel/export.js';
import { idCheckChar } from '../../core/idcard.js';
import { orderBy } from '../../core/list.js';
import { grids } from '../grid/grid.schema.js';
import { partyMembers } from './members/members.schema.js';
import { type PersonView, PERSON_ROLES, ZPersonListQuery } from './people.contracts.js';
import { people } from './people.schema.js';
import { peopleWhere, presentPerson, selectPersonRows } from './people.service.js';

export const GENDER_LABELS = { male: '男', female: '女' } as const;
export const ROLE_LABELS: Record<(typeof PERSON_ROLES)[number], string> = {
  resident: '居民',
  volunteer: '志愿者',
  grid_worker: '网格员',
  alley_head: '巷长',
  building_head: '楼栋长',
  staff: '工作人员',
};
export const MEMBER_KIND_LABELS = {
  in_service: '在职党员',
  mobile: '流动党员',
  retired: '退休党员',
  ordinary: '普通党员',
} as const;

/** A made-up but valid ID number for the template's example row (born 1990-01-02, male). */
export const EXAMPLE_ID_NUMBER = `35072319900102001${idCheckChar('35072319900102001')}`;

/** Columns that describe a person; the Party-member sheet reuses them. */
export const PERSON_FIELD_COLUMNS = {
  name: { key: 'name', title: '姓名', required: true, width: 12, note: '不超过 50 个字', example: '张三' },
  gender: { key: 'gender', title: '性别', width: 8, note: '男 或 女；不填时按身份证号推算', example: '男' },
  birthDate: {
    key: 'birthDate',
    title: '出生日期',
    width: 12,
    text: true,
    note: '如 1990-01-02；不填时按身份证号推算',
    example: '1990-01-02',
  },
  phone: { key: 'phone', title: '手机号', width: 14, text: true, note: '11 位手机号码', example: '13800138000' },
  idNumber: {
    key: 'idNumber',
    title: '身份证号',
    width: 22,
    text: true,
    example: EXAMPLE_ID_NUMBER,
    note: '18 位居民身份证号，请以文本格式填写；已登记的身份证号会更新该人员的信息',
  },
  homeGridCode: {
    key: 'homeGridCode',
    title: '网格编码',
    width: 20,
    text: true,
    note: '所住网格的编码，可从下拉列表选择，编码与名称见“填写说明”',
  },
} satisfies Record<string, ExcelColumn>;

export const PERSON_COLUMNS: ExcelColumn[] = [
  PERSON_FIELD_COLUMNS.name,
  PERSON_FIELD_COLUMNS.gender,
  PERSON_FIELD_COLUMNS.birthDate,
  PERSON_FIELD_COLUMNS.phone,
  PERSON_FIELD_COLUMNS.idNumber,
  { key: 'address', title: '住址', width: 24, note: '不超过 200 个字', example: '杭东路 1 号' },
  PERSON_FIELD_COLUMNS.homeGridCode,
  {
    key: 'roles',
    title: '身份',
    width: 14,
    example: '居民',
    note: `可填多个，用顿号或逗号分隔：${Object.values(ROLE_LABELS).join('、')}；更新已登记人员时留空则保留原身份`,
  },
  { key: 'note', title: '备注', width: 20, note: '不超过 1000 个字' },
];

/** Grids whose residents the actor may manage: the drop-down of the template (capped, the notes list them too). */
export async function manageableGrids(db: Db, scope: DataScope): Promise<{ code: string; name: string }[]> {
  const inGrids = gridCodeUnder(grids.code, scope.gridCodePrefixes);
  const where = scope.all
    ? undefined
    : (or(scope.communityIds.length ? inArray(grids.communityId, scope.communityIds) : undefined, inGrids) ??
      sql`false`);
  return db
    .select({ code: grids.code, name: grids.name })
    .from(grids)
    .where(where)
    .orderBy(asc(grids.code))
    .limit(5000);
}

export async function peopleTemplate(opts: { db: Db; actor: Actor }): Promise<Download> {
  const gridList = await manageableGrids(opts.db, await resolveScope(opts.db, opts.actor));
  // The example row uses a grid the actor manages, so that it imports as it stands.
  const example = gridList.at(-1)?.code;
  const body = await buildTemplate({
    sheetName: '人员',
    columns: withExamples(PERSON_COLUMNS, { homeGridCode: example }),
    lists: { gender: Object.values(GENDER_LABELS), homeGridCode: gridList.map((g) => g.code) },
    references: [{ title: '网格编码', header: ['网格编码', '网格名称'], rows: gridList.map((g) => [g.code, g.name]) }],
  });
  return { fileName: '人员导入模板.xlsx', asciiName: 'people-import-template.xlsx', body };
}

export const ZPersonExportQuery = ZPersonListQuery.omit({ page: true, pageSize: true });
export type PersonExportQuery = z.infer<typeof ZPersonExportQuery>;

const label = <K extends string>(labels: Record<K, string>, v: string | null) => (v ? (labels[v as K] ?? v) : null);

const EXPORT_COLUMNS: ExportColumn<PersonView>[] = [
  { title: '姓名', width: 12, value: (p) => p.name },
  { title: '性别', width: 8, value: (p) => label(GENDER_LABELS, p.gender) },
  { title: '出生日期', width: 12, value: (p) => p.birthDate },
  { title: '手机号', width: 14, value: (p) => p.phone },
  { title: '身份证号', width: 22, value: (p) => p.idNumber },
  { title: '住址', width: 24, value: (p) => p.address },
  { title: '网格编码', width: 20, value: (p) => p.homeGridCode },
  { title: '网格名称', width: 16, value: (p) => p.homeGridName },
  { title: '所属社区', width: 12, value: (p) => p.communityName },
  { title: '身份', width: 14, value: (p) => p.roles.map((r) => label(ROLE_LABELS, r)).join('、') },
  { title: '党员类别', width: 10, value: (p) => label(MEMBER_KIND_LABELS, p.partyMemberKind) },
  { title: '备注', width: 20, value: (p) => p.note },
];

/**
 * The people the actor may list, filtered like the list, as a workbook of at most 100,000 rows with PII masked.
 * Ids are read first in list order and rows fetched in batches while the file streams, so neither the database
 * (PGlite serves one query at a time) nor memory is held for the whole download. The export itself is audited.
 */
export async function exportPeople(opts: {
  db: Db;
  actor: Actor;
  query: PersonExportQuery;
  now: Date;
}): Promise<Download> {
  const { db, query } = opts;
  const where = await peopleWhere(db, opts.actor, query);
  const sort = orderBy(
    query.sort,
    { name: people.name, birthDate: people.birthDate, createdAt: people.createdAt, homeGridCode: grids.code },
    [asc(grids.code), asc(people.name)],
    people.id,
  );
  const idRows = await db
    .select({ id: people.id })
    .from(people)
    .leftJoin(grids, eq(grids.id, people.homeGridId))
    .leftJoin(partyMembers, eq(partyMembers.personId, people.id))
    .where(where)
    .orderBy(...sort)
    .limit(MAX_EXPORT_ROWS + 1);
  return auditedExportByIds(db, {
    actor: opts.actor,
    action: 'person.export',
    entityType: 'person',
    filter: query,
    fileName: `人员名单-${fileDay(opts.now)}.xlsx`,
    asciiName: `people-${fileDay(opts.now)}.xlsx`,
    sheetName: '人员',
    columns: EXPORT_COLUMNS,
    idRows,
    load: (chunk) => selectPersonRows(db).where(sql`${people.id} = any(${sql.param(chunk)}::uuid[])`),
    present: presentPerson,
  });
}
