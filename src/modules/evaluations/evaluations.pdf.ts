import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { clock } from '../../core/clock.js';
import { A4_PAGE, cjkFont, documentInfo, type FontSource, pageFooter, renderPdf } from '../../core/pdf.js';
import type { EvaluationItem, FollowUp, SessionDetail } from './evaluations.contracts.js';

/** The printable record of an evaluation session (每月20日定期评事记录); fonts and rendering are core/pdf.ts's. */
const CASE_STATUS_ZH: Record<EvaluationItem['caseStatus'], string> = {
  reported: '已上报',
  accepted: '已受理',
  rejected: '已驳回',
  dispatched: '已派发',
  acknowledged: '已报到',
  in_progress: '处理中',
  resolved: '已解决',
  verified: '已核实',
  closed: '已办结',
  rated: '已评价',
  returned: '已退回',
  reopened: '已重启',
};
const VERDICT_ZH: Record<EvaluationItem['verdict'], string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
  pending: '未评议',
  carried_over: '结转下次',
};

/** The calendar day (YYYY-MM-DD) of a date or an instant in the county's zone (UTC+8). */
function countyDay(value: string): string {
  return value.length === 10 ? value : new Date(new Date(value).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A date or instant as the county reads it: 2026年3月20日. */
export function chineseDate(value: string): string {
  const [y, m, d] = countyDay(value).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The day before an instant, in the county's zone: the last day an exclusive period end covers. */
function dayBefore(iso: string): string {
  return chineseDate(new Date(new Date(iso).getTime() - 86_400_000).toISOString());
}

const CONSEQUENCE_ZH: Record<NonNullable<FollowUp['consequence']>, string> = {
  reopened: '已重新办理',
  supervised: '已督办',
};

function itemRow(item: EvaluationItem, index: number): TableCell[] {
  const title: Content[] = [{ text: item.caseTitle }];
  if (item.carriedFrom)
    title.push({ text: `结转自 ${chineseDate(item.carriedFrom.heldOn)} 评事`, color: '#555555', fontSize: 8 });
  if (item.consequence)
    title.push({ text: `处理：${CONSEQUENCE_ZH[item.consequence]}`, color: '#b00020', fontSize: 8 });
  if (item.comment) title.push({ text: `意见：${item.comment}`, color: '#555555', fontSize: 8 });
  return [
    { text: String(index + 1), alignment: 'center' },
    { text: item.caseNumber, fontSize: 8 },
    { stack: title },
    item.categoryName,
    { text: item.kind === 'raised' ? '新提' : '办结', alignment: 'center' },
    CASE_STATUS_ZH[item.caseStatus],
    item.resolvedAt ? countyDay(item.resolvedAt) : '—',
    item.satisfaction ? VERDICT_ZH[item.satisfaction] : '—',
    {
      text: VERDICT_ZH[item.verdict],
      bold: item.verdict === 'unsatisfied',
      color: item.verdict === 'unsatisfied' ? '#b00020' : undefined,
    },
  ];
}

function itemsTable(items: EvaluationItem[]): Content {
  const header = ['序号', '事项编号', '事项', '类别', '来源', '办理状态', '办结时间', '群众评价', '代表评议'].map(
    (text): TableCell => ({ text, bold: true, fillColor: '#e8eef7', alignment: 'center' }),
  );
  const body: TableCell[][] = [header, ...items.map(itemRow)];
  if (!items.length)
    body.push([
      { text: '本期没有需要评议的事项', colSpan: 9, alignment: 'center', color: '#666666' },
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [22, 66, '*', 52, 26, 38, 50, 36, 40], body },
    layout: { hLineColor: () => '#999999', vLineColor: () => '#999999', paddingTop: () => 3, paddingBottom: () => 3 },
    fontSize: 9,
    lineHeight: 1,
  };
}

/** A table of follow-up tasks (整改跟进): case, what was done to it, who, open or done. */
export function followUpsTable(followUps: FollowUp[], empty: string): Content {
  if (!followUps.length) return { text: empty, color: '#666666' };
  const header = ['事项编号', '事项', '评事日期', '处理', '责任方', '状态'].map(
    (text): TableCell => ({ text, bold: true, fillColor: '#e8eef7', alignment: 'center' }),
  );
  const rows = followUps.map((f): TableCell[] => [
    { text: f.caseNumber, fontSize: 8 },
    f.note ? { stack: [f.caseTitle, { text: `说明：${f.note}`, color: '#555555', fontSize: 8 }] } : f.caseTitle,
    countyDay(f.heldOn),
    f.consequence ? CONSEQUENCE_ZH[f.consequence] : '—',
    `${f.assigneeKind === 'unit' ? '单位' : '网格员'}：${f.assigneeName}`,
    { text: f.status === 'done' ? '已完成' : '未完成', color: f.status === 'done' ? undefined : '#b00020' },
  ]);
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [66, '*', 52, 52, 100, 40], body: [header, ...rows] },
    layout: { hLineColor: () => '#999999', vLineColor: () => '#999999', paddingTop: () => 3, paddingBottom: () => 3 },
    fontSize: 9,
    lineHeight: 1,
  };
}

/** 共 N 件…; the satisfaction rate counts 满意 and 基本满意 among the cases given a verdict. */
export function summaryText(s: SessionDetail): string {
  const raised = s.items.filter((i) => i.kind === 'raised').length;
  const c = s.counts;
  const judged = c.satisfied + c.basically_satisfied + c.unsatisfied;
  const rate = judged ? `${(((c.satisfied + c.basically_satisfied) / judged) * 100).toFixed(1)}%` : '—';
  return (
    `本期共评议事项 ${s.itemCount} 件（本期新提 ${raised} 件，此前提出、本期办结 ${s.itemCount - raised} 件）。` +
    `代表评议：满意 ${c.satisfied} 件，基本满意 ${c.basically_satisfied} 件，不满意 ${c.unsatisfied} 件，` +
    `结转下次 ${c.carried_over} 件，未评议 ${c.pending} 件；` +
    `满意率（满意与基本满意占已评议）${rate}。`
  );
}

/** The document definition of the record; `generatedAt` is printed in the footer. */
export function recordDocument(s: SessionDetail, countyName: string, generatedAt: Date): TDocumentDefinitions {
  const title = `${countyName}${s.communityName} 每月20日定期评事记录`;
  const label = (text: string): Content => ({ text, bold: true, margin: [0, 10, 0, 4] });
  return {
    ...A4_PAGE,
    info: documentInfo(title, '每月20日定期评事记录'),
    watermark:
      s.status === 'held' ? undefined : { text: '草 稿', fontSize: 96, color: '#999999', opacity: 0.12, angle: -30 },
    defaultStyle: { fontSize: 10, lineHeight: 1.15 },
    content: [
      { text: title, fontSize: 17, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
      { text: `评事日期：${chineseDate(s.heldOn)}　　状态：${s.status === 'held' ? '已召开' : '草稿（未召开）'}` },
      {
        text: `评议范围：${chineseDate(s.periodFrom)} 至 ${dayBefore(s.periodTo)}（上次评事以来提出或办结的事项）`,
        margin: [0, 4, 0, 0],
      },
      {
        text: `居民代表：${s.representatives.length ? s.representatives.join('、') : '（未填写）'}`,
        margin: [0, 6, 0, 0],
      },
      label('评议事项'),
      itemsTable(s.items),
      label('评议结果'),
      { text: summaryText(s) },
      label('不满意事项整改跟进'),
      followUpsTable(
        s.followUps,
        s.status === 'held' ? '本次评事没有不满意事项' : '召开后生成（不满意事项的整改任务）',
      ),
      label('此前评事整改情况'),
      followUpsTable(s.earlierFollowUps, '没有需要跟进的此前整改任务'),
      label('会议纪要'),
      { text: s.minutes?.trim() || '（无）' },
      {
        columns: [
          { text: '记录人（签字）：____________' },
          { text: '居民代表（签字）：________________________', alignment: 'right' },
        ],
        margin: [0, 28, 0, 0],
      },
    ],
    footer: pageFooter(`${title}　生成于 ${chineseDate(generatedAt.toISOString())}`),
  };
}

/** The record as PDF bytes. */
export async function renderSessionRecord(
  s: SessionDetail,
  countyName: string,
  opts: { now?: Date; font?: FontSource } = {},
): Promise<Buffer> {
  return renderPdf(recordDocument(s, countyName, opts.now ?? clock.now()), cjkFont(opts.font));
}
