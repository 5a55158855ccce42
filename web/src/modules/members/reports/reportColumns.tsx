import { Button, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../../i18n';
import { formatCountyDateTime, formatDate } from '../../../ui/format';
import { cardUrl, type ReportView, type UnreportedView } from './api';

export interface ReportActions {
  /** Whether the user decides applications (memberservice.manage); readers get the card links only. */
  manage: boolean;
  onApprove: (r: ReportView) => void;
  onDecline: (r: ReportView) => void;
  onRevoke: (r: ReportView) => void;
  onPreview: (r: ReportView) => void;
}

export function SkillTags({ skills }: { skills: string[] }) {
  const { t } = useI18n();
  return (
    <>
      {skills.map((s) => (
        <Tag key={s}>{t(`memberReports.skillNames.${s}`, { defaultValue: s })}</Tag>
      ))}
    </>
  );
}

function ActionCell({ r, a }: { r: ReportView; a: ReportActions }) {
  const { t } = useI18n();
  if (r.state === 'pending')
    return a.manage ? (
      <Space size={0}>
        <Button size="small" type="link" onClick={() => a.onApprove(r)} data-testid="report-approve">
          {t('memberReports.approve')}
        </Button>
        <Button size="small" type="link" danger onClick={() => a.onDecline(r)} data-testid="report-decline">
          {t('memberReports.decline')}
        </Button>
      </Space>
    ) : null;
  if (!r.certificateId) return null;
  return (
    <Space size={0}>
      <Button size="small" type="link" onClick={() => a.onPreview(r)} data-testid="report-preview">
        {t('memberReports.preview')}
      </Button>
      <Button size="small" type="link" href={cardUrl(r.certificateId, 'pdf')} target="_blank">
        PDF
      </Button>
      {a.manage && (
        <Button size="small" type="link" danger onClick={() => a.onRevoke(r)} data-testid="report-revoke">
          {t('memberReports.revoke')}
        </Button>
      )}
    </Space>
  );
}

/** The applications' columns for a state tab: when it was decided and why declined only where they mean something. */
export function useReportColumns(state: string, a: ReportActions): ColumnsType<ReportView> {
  const { t } = useI18n();
  const columns: ColumnsType<ReportView> = [
    { title: t('memberReports.member'), dataIndex: 'memberName', width: 90, fixed: 'left' },
    { title: t('memberReports.unit'), dataIndex: 'unitName', width: 130, ellipsis: true },
    { title: t('memberReports.community'), dataIndex: 'communityName', width: 100 },
    { title: t('memberReports.grid'), dataIndex: 'gridName', width: 130, ellipsis: true },
    { title: t('memberReports.skills'), width: 150, render: (_, r) => <SkillTags skills={r.skills} /> },
    {
      title: t('memberReports.appliedAt'),
      dataIndex: 'appliedAt',
      width: 140,
      sorter: true,
      render: (v: string) => formatCountyDateTime(v),
    },
  ];
  if (state !== 'pending')
    columns.push({
      title: t('memberReports.decidedAt'),
      dataIndex: 'decidedAt',
      width: 110,
      render: (v: string | null) => formatDate(v),
    });
  if (state === 'approved')
    columns.push({ title: t('memberReports.serial'), dataIndex: 'certificateSerial', width: 140 });
  if (state === 'declined')
    columns.push({ title: t('memberReports.declineReason'), dataIndex: 'declineReason', ellipsis: true, width: 140 });
  if (state === 'pending')
    columns.push({ title: t('memberReports.note'), dataIndex: 'note', ellipsis: true, width: 130 });
  columns.push({ title: t('memberReports.actions'), width: 180, render: (_, r) => <ActionCell r={r} a={a} /> });
  return columns;
}

export function useUnreportedColumns(): ColumnsType<UnreportedView> {
  const { t } = useI18n();
  return [
    { title: t('memberReports.member'), dataIndex: 'memberName', width: 90 },
    { title: t('memberReports.unit'), dataIndex: 'unitName', width: 180, ellipsis: true },
    { title: t('memberReports.residence'), dataIndex: 'communityName', width: 110 },
    {
      title: t('memberReports.lastReportedAt'),
      dataIndex: 'lastReportedAt',
      width: 120,
      render: (v: string | null) => (v ? formatDate(v) : <Tag color="red">{t('memberReports.never')}</Tag>),
    },
    {
      title: t('memberReports.lapsedAt'),
      dataIndex: 'lapsedAt',
      width: 120,
      render: (v: string | null) => formatDate(v),
    },
    {
      title: '',
      width: 120,
      render: (_, r) => (r.pendingReportId ? <Tag color="gold">{t('memberReports.pendingApplication')}</Tag> : null),
    },
  ];
}
