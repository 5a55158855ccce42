import type { Actor } from '../../core/auth/actor.js';
import { formatLocalIso } from '../../core/calendar.js';
import type { Db } from '../../core/db.js';
import type { Download, ExportColumn } from '../../core/excel/excel.js';
import { allAtOnce, auditedExport } from '../../core/excel/export.js';
import type { ServiceRecordListQuery, ServiceRecordView } from './ledger.contracts.js';
import type { ServiceRecordKind } from './ledger.enums.js';
import { allServiceRecords } from './ledger.query.js';

/** The ledger's Excel export, with the list's filters, in Chinese like the other exports. */
const EXPORT_CAP = 50_000;

export const KIND_LABELS: Record<ServiceRecordKind, string> = {
  post_duty: '岗位履职',
  service_day: '集中服务日',
  case: '事件办理',
  need: '微心愿',
  volunteer_shift: '志愿服务',
  school_lesson: '党校课程',
};

const clockOf = (iso: string) => formatLocalIso(new Date(iso)).slice(11, 16);

const COLUMNS: ExportColumn<ServiceRecordView>[] = [
  { title: '日期', value: (r) => r.day, width: 12 },
  { title: '党员', value: (r) => r.memberName, width: 10 },
  { title: '单位', value: (r) => r.unitName, width: 20 },
  { title: '居住社区', value: (r) => r.residenceCommunityName, width: 12 },
  { title: '类型', value: (r) => KIND_LABELS[r.kind], width: 10 },
  { title: '内容', value: (r) => r.title, width: 30 },
  { title: '服务社区', value: (r) => r.communityName, width: 12 },
  { title: '开始', value: (r) => clockOf(r.startsAt), width: 8 },
  { title: '结束', value: (r) => clockOf(r.endsAt), width: 8 },
  { title: '时长（小时）', value: (r) => Math.round((r.minutes / 60) * 100) / 100, width: 10 },
  { title: '核实人', value: (r) => r.verifiedByName, width: 10 },
  { title: '更正原因', value: (r) => r.correctionReason, width: 24 },
  { title: '作废原因', value: (r) => (r.voidedAt ? r.voidReason : null), width: 24 },
];

export async function exportServiceRecords(opts: {
  db: Db;
  actor: Actor;
  query: ServiceRecordListQuery;
  today: string;
}): Promise<Download> {
  const { items, truncated } = await allServiceRecords({ ...opts, cap: EXPORT_CAP });
  const day = opts.today.replaceAll('-', '');
  return auditedExport(opts.db, {
    actor: opts.actor,
    action: 'service_record.export',
    entityType: 'service_record',
    filter: opts.query,
    rows: items.length,
    truncated,
    fileName: `服务台账-${day}.xlsx`,
    asciiName: `service-records-${day}.xlsx`,
    sheetName: '服务台账',
    columns: COLUMNS,
    batches: () => allAtOnce(items),
  });
}
