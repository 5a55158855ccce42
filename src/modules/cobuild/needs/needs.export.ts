import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import type { Download, ExportColumn } from '../../../core/excel/excel.js';
import { allAtOnce, auditedExport } from '../../../core/excel/export.js';
import { DOMAIN_LABELS } from '../projects/projects.service.js';
import type { NeedListQuery, NeedView, ResourceListQuery, ResourceView } from './needs.contracts.js';
import { allNeeds } from './needs.service.js';
import { allResources } from './resources.service.js';

/** Excel exports of the needs and resources lists, with the list's filters, in Chinese like the other exports. */
const EXPORT_CAP = 50_000;

const UNIT_LABELS: Record<string, string> = { person_hours: '工时', yuan: '元', items: '件', sessions: '次' };
const STATUS_LABELS: Record<string, string> = {
  open: '待匹配',
  matched: '已匹配',
  in_progress: '落实中',
  met: '已满足',
  closed: '已关闭',
};
const SOURCE_LABELS: Record<string, string> = { case: '居民事项', survey: '问卷调查', community: '社区录入' };
const KIND_LABELS: Record<string, string> = {
  people_hours: '人力',
  money: '资金',
  equipment: '设备物资',
  expertise: '专业服务',
};

const NEED_COLUMNS: ExportColumn<NeedView>[] = [
  { title: '社区', value: (n) => n.communityName, width: 12 },
  { title: '需求', value: (n) => n.title, width: 30 },
  { title: '领域', value: (n) => DOMAIN_LABELS[n.domain] },
  { title: '优先级', value: (n) => n.priority, width: 8 },
  { title: '数量', value: (n) => n.quantity, width: 10 },
  { title: '已落实', value: (n) => n.served, width: 10 },
  { title: '单位', value: (n) => UNIT_LABELS[n.unit] ?? n.unit, width: 8 },
  { title: '来源', value: (n) => SOURCE_LABELS[n.source] ?? n.source },
  { title: '状态', value: (n) => STATUS_LABELS[n.status] ?? n.status },
  { title: '事项编号', value: (n) => n.caseNumber, width: 16 },
  { title: '经度', value: (n) => n.lng },
  { title: '纬度', value: (n) => n.lat },
  { title: '说明', value: (n) => n.description, width: 40 },
];

const RESOURCE_COLUMNS: ExportColumn<ResourceView>[] = [
  { title: '单位', value: (r) => r.unitName, width: 20 },
  { title: '资源', value: (r) => r.title, width: 30 },
  { title: '类型', value: (r) => KIND_LABELS[r.kind] ?? r.kind },
  { title: '总量', value: (r) => r.capacity, width: 10 },
  { title: '已分配', value: (r) => r.reserved, width: 10 },
  { title: '单位', value: (r) => UNIT_LABELS[r.unit] ?? r.unit, width: 8 },
  { title: '起', value: (r) => r.availableFrom, width: 12 },
  { title: '止', value: (r) => r.availableTo, width: 12 },
  { title: '说明', value: (r) => r.description, width: 40 },
];

export async function exportNeeds(opts: {
  db: Db;
  actor: Actor;
  query: NeedListQuery;
  year: number;
  today: string;
}): Promise<Download> {
  const { items, truncated } = await allNeeds({ ...opts, cap: EXPORT_CAP });
  const day = opts.today.replaceAll('-', '');
  return auditedExport(opts.db, {
    actor: opts.actor,
    action: 'need.export',
    entityType: 'need',
    filter: opts.query,
    rows: items.length,
    truncated,
    fileName: `需求清单-${day}.xlsx`,
    asciiName: `needs-${day}.xlsx`,
    sheetName: '需求清单',
    columns: NEED_COLUMNS,
    batches: () => allAtOnce(items),
  });
}

export async function exportResources(opts: {
  db: Db;
  actor: Actor;
  query: ResourceListQuery;
  today: string;
}): Promise<Download> {
  const { items, truncated } = await allResources({ ...opts, cap: EXPORT_CAP });
  const day = opts.today.replaceAll('-', '');
  return auditedExport(opts.db, {
    actor: opts.actor,
    action: 'resource.export',
    entityType: 'resource',
    filter: opts.query,
    rows: items.length,
    truncated,
    fileName: `资源清单-${day}.xlsx`,
    asciiName: `resources-${day}.xlsx`,
    sheetName: '资源清单',
    columns: RESOURCE_COLUMNS,
    batches: () => allAtOnce(items),
  });
}
