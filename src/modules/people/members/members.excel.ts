import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Actor } from '../../../core/auth/actor.js';
import { resolveScope, type DataScope } from '../../grid/grid.scope.js';
import type { Db } from '../../../core/db.js';
import {
  buildTemplate,
  type Download,
  type ExcelColumn,
  type ExportColumn,
  fileDay,
  MAX_EXPORT_ROWS,
  withExamples,
} from '../../../core/excel/excel.js';
import { auditedExportByIds } from '../../../core/excel/export.js';
import { orderBy } from '../../../core/list.js';
import { organisations } from '../../org/org.schema.js';
import { GENDER_LABELS, manageableGrids, MEMBER_KIND_LABELS, PERSON_FIELD_COLUMNS } from '../people.excel.js';
import { people } from '../people.schema.js';
import { type PartyMemberView, ZPartyMemberQuery } from './members.contracts.js';
import { partyMembers } from './members.schema.js';
import { membersWhere, presentMember, selectMemberRows } from './members.service.js';

export const MEMBER_COLUMNS: ExcelColumn[] = [
  PERSON_FIELD_COLUMNS.name,
  {
    ...PERSON_FIELD_COLUMNS.idNumber,
    required: true,
    note: '18 位居民身份证号，请以文本格式填写；已登记的人员按身份证号匹配，未登记的按本行信息新建',
  },
  PERSON_FIELD_COLUMNS.gender,
  PERSON_FIELD_COLUMNS.birthDate,
  PERSON_FIELD_COLUMNS.phone,
  {
    key: 'kind',
    title: '党员类别',
    required: true,
    width: 12,
    note: Object.values(MEMBER_KIND_LABELS).join('、'),
    example: '在职党员',
  },
  {
    key: 'unitCode',
    title: '单位编码',
    width: 14,
    text: true,
    note: '在职党员所在单位的编码（在职党员必填），编码与名称见“填写说明”',
  },
  { key: 'residenceCommunity', title: '居住社区', width: 14, note: '社区名称，如 杭东社区' },
  { key: 'branch', title: '所在支部', width: 22, note: '支部名称，须是所填居住社区或单位下的支部' },
  { key: 'joinedAt', title: '入党日期', width: 12, text: true, note: '如 2010-07-01', example: '2010-07-01' },
  { ...PERSON_FIELD_COLUMNS.homeGridCode, note: '只用于新登记的人员：所住网格的编码；已登记人员的网格不变' },
];

/** Communities the actor manages members of (all of them for the county). */
async function manageableCommunities(db: Db, scope: DataScope): Promise<{ id: string; name: string }[]> {
  const where = scope.all
    ? eq(organisations.kind, 'community')
    : scope.communityIds.length
      ? inArray(organisations.id, scope.communityIds)
      : sql`false`;
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(where)
    .orderBy(asc(organisations.name));
}

export async function membersTemplate(opts: { db: Db; actor: Actor }): Promise<Download> {
  const { db } = opts;
  const scope = await resolveScope(db, opts.actor);
  const [communities, gridList, units] = await Promise.all([
    manageableCommunities(db, scope),
    manageableGrids(db, scope),
    db
      .select({ code: organisations.code, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.kind, 'unit'))
      .orderBy(asc(organisations.code)),
  ]);
  const branches = communities.length
    ? await db
        .select({ name: organisations.name, parentId: organisations.parentId })
        .from(organisations)
        .where(
          and(
            eq(organisations.kind, 'branch'),
            inArray(
              organisations.parentId,
              communities.map((c) => c.id),
            ),
          ),
        )
        .orderBy(asc(organisations.name))
    : [];
  const unitCodes = units.flatMap((u) => (u.code ? [u.code] : []));
  // The example row names a community, unit, branch and grid the actor may use, so that it imports as it stands.
  const community = communities[0];
  const columns = withExamples(MEMBER_COLUMNS, {
    unitCode: unitCodes[0],
    residenceCommunity: community?.name,
    branch: branches.find((b) => b.parentId === community?.id)?.name,
    homeGridCode: gridList.at(-1)?.code,
  });
  const body = await buildTemplate({
    sheetName: '党员',
    columns,
    lists: {
      gender: Object.values(GENDER_LABELS),
      kind: Object.values(MEMBER_KIND_LABELS),
      unitCode: unitCodes,
      residenceCommunity: communities.map((c) => c.name),
      branch: [...new Set(branches.map((b) => b.name))],
      homeGridCode: gridList.map((g) => g.code),
    },
    references: [
      { title: '单位编码', header: ['单位编码', '单位名称'], rows: units.map((u) => [u.code ?? '', u.name]) },
      { title: '网格编码', header: ['网格编码', '网格名称'], rows: gridList.map((g) => [g.code, g.name]) },
    ],
  });
  return { fileName: '党员导入模板.xlsx', asciiName: 'party-members-import-template.xlsx', body };
}

export const ZPartyMemberExportQuery = ZPartyMemberQuery.omit({ page: true, pageSize: true });
export type PartyMemberExportQuery = z.infer<typeof ZPartyMemberExportQuery>;

const unit = alias(organisations, 'unit');

const EXPORT_COLUMNS: ExportColumn<PartyMemberView>[] = [
  { title: '姓名', width: 12, value: (m) => m.name },
  { title: '性别', width: 8, value: (m) => (m.gender ? GENDER_LABELS[m.gender] : null) },
  { title: '手机号', width: 14, value: (m) => m.phone },
  { title: '党员类别', width: 10, value: (m) => MEMBER_KIND_LABELS[m.kind] },
  { title: '所在单位', width: 18, value: (m) => m.unitName },
  { title: '居住社区', width: 12, value: (m) => m.residenceCommunityName },
  { title: '所在支部', width: 22, value: (m) => m.branchName },
  { title: '入党日期', width: 12, value: (m) => m.joinedAt },
];

/**
 * The members the actor may list, filtered like the list, masked like it, at most 100,000 rows; audited. Ids
 * first, rows in batches while the file streams (see exportPeople).
 */
export async function exportMembers(opts: {
  db: Db;
  actor: Actor;
  query: PartyMemberExportQuery;
  now: Date;
}): Promise<Download> {
  const { db, query } = opts;
  const where = await membersWhere(db, opts.actor, query);
  const sort = orderBy(
    query.sort,
    { name: people.name, joinedAt: partyMembers.joinedAt, kind: partyMembers.kind, unitName: unit.name },
    [asc(unit.name), asc(people.name)],
    partyMembers.id,
  );
  const idRows = await db
    .select({ id: partyMembers.id })
    .from(partyMembers)
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .leftJoin(unit, eq(unit.id, partyMembers.unitId))
    .where(where)
    .orderBy(...sort)
    .limit(MAX_EXPORT_ROWS + 1);
  return auditedExportByIds(db, {
    actor: opts.actor,
    action: 'party_member.export',
    entityType: 'party_member',
    filter: query,
    fileName: `党员名单-${fileDay(opts.now)}.xlsx`,
    asciiName: `party-members-${fileDay(opts.now)}.xlsx`,
    sheetName: '党员',
    columns: EXPORT_COLUMNS,
    idRows,
    load: (chunk) => selectMemberRows(db).where(sql`${partyMembers.id} = any(${sql.param(chunk)}::uuid[])`),
    present: presentMember,
  });
}
