import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit.js';
import { localDayOf } from '../../../core/calendar.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import type { Download, ExportColumn } from '../../../core/excel/excel.js';
import { allAtOnce, auditedExport } from '../../../core/excel/export.js';
import { A4_PAGE, cjkFont, documentInfo, pageFooter, renderPdf } from '../../../core/pdf.js';
import type { SheetQuery, SheetRow, UnitSheet } from './ratings.contracts.js';
import { GRADE_ZH } from './ratings.labels.js';
import { unitSheet } from './ratings.sheet.js';

/** The unit's quarterly sheet as a workbook and as a printed A4 sheet (单位反馈表), both audited. */
const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
const yesNo = (b: boolean) => (b ? '是' : '否');
const gradeText = (r: SheetRow) =>
  r.grade ? GRADE_ZH[r.grade] : `${GRADE_ZH[r.suggestedGrade]}${r.state === 'suggested' ? '（建议）' : '（预估）'}`;

const COLUMNS: ExportColumn<SheetRow>[] = [
  { title: '姓名', width: 10, value: (r) => r.name },
  { title: '所在单位', width: 22, value: (r) => r.unitName },
  { title: '居住社区', width: 12, value: (r) => r.communityName },
  { title: '已报到', width: 8, value: (r) => yesNo(r.reported) },
  { title: '岗位', width: 20, value: (r) => r.post },
  { title: '本年时长(小时)', width: 12, value: (r) => hours(r.yearMinutes) },
  { title: '本季时长(小时)', width: 12, value: (r) => hours(r.quarterMinutes) },
  { title: '积分', width: 8, value: (r) => r.points },
  { title: '评定', width: 14, value: gradeText },
  { title: '进度预警', width: 10, value: (r) => yesNo(r.atRisk) },
  { title: '未到次数', width: 10, value: (r) => r.noShows },
];

function titleOf(s: UnitSheet): string {
  return `${s.unitName ?? '全县'}在职党员服务情况反馈表（${s.year} 年第 ${s.quarter} 季度）`;
}

function asciiOf(s: UnitSheet, ext: string): string {
  return `unit-sheet-${s.year}-q${s.quarter}.${ext}`;
}

export async function exportUnitSheet(opts: { db: Db; actor: Actor; query: SheetQuery }): Promise<Download> {
  const sheet = await unitSheet(opts);
  return auditedExport(opts.db, {
    actor: opts.actor,
    action: 'member_rating.unit_sheet_export',
    entityType: 'member_rating',
    filter: { unitId: sheet.unitId, year: sheet.year, quarter: sheet.quarter },
    rows: sheet.items.length,
    truncated: false,
    fileName: `${titleOf(sheet)}.xlsx`,
    asciiName: asciiOf(sheet, 'xlsx'),
    sheetName: `${sheet.year}年第${sheet.quarter}季度`,
    columns: COLUMNS,
    batches: () => allAtOnce(sheet.items),
  });
}

function sheetDocument(s: UnitSheet, now: Date): TDocumentDefinitions {
  const header: TableCell[] = ['序号', ...COLUMNS.filter((c) => c.title !== '所在单位').map((c) => c.title)].map(
    (text) => ({
      text,
      bold: true,
      fillColor: '#eeeeee',
    }),
  );
  const cells = COLUMNS.filter((c) => c.title !== '所在单位');
  const rows: TableCell[][] = s.items.map((r, i) => [String(i + 1), ...cells.map((c) => String(c.value(r) ?? ''))]);
  const rated = s.items.filter((r) => r.grade).length;
  const atRisk = s.items.filter((r) => r.atRisk).length;
  return {
    ...A4_PAGE,
    pageOrientation: 'landscape',
    info: documentInfo(titleOf(s), '在职党员季度服务情况反馈'),
    defaultStyle: { fontSize: 9, lineHeight: 1.15 },
    content: [
      { text: titleOf(s), fontSize: 15, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
      {
        text: `统计截至 ${s.asOf}；共 ${s.items.length} 人，已评定 ${rated} 人，时长进度落后 ${atRisk} 人；全年应服务 ${s.requiredHoursPerYear} 小时。`,
        alignment: 'center',
        color: '#555555',
        margin: [0, 0, 0, 10],
      },
      {
        table: { headerRows: 1, widths: [24, 44, 56, 34, '*', 50, 50, 32, 64, 40, 34], body: [header, ...rows] },
        layout: 'lightHorizontalLines',
      },
    ],
    footer: pageFooter(`生成于 ${localDayOf(now)}`),
  };
}

export async function unitSheetPdf(opts: { db: Db; actor: Actor; query: SheetQuery }) {
  const sheet = await unitSheet(opts);
  const pdf = await renderPdf(sheetDocument(sheet, clock.now()), cjkFont());
  await recordAudit(opts.db, {
    actor: opts.actor,
    action: 'member_rating.unit_sheet_pdf',
    entityType: 'member_rating',
    after: { filter: { unitId: sheet.unitId, year: sheet.year, quarter: sheet.quarter }, rows: sheet.items.length },
  });
  return { pdf, fileName: `${titleOf(sheet)}.pdf`, asciiName: asciiOf(sheet, 'pdf') };
}
