import type { TableColumnsType } from 'antd';
import { Button, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { DispatchInboxRow, DispatchStatus, DispatchStep } from '../../api/contracts';
import type { useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { formatShortDateTime } from '../../ui/format';
import { readClock } from './sla';
import { SlaTag } from './SlaBadge';

type Translate = ReturnType<typeof useI18n>['t'];

/** Which buttons a dispatch offers in each state (the server still decides). */
const STEPS: Record<DispatchStatus, DispatchStep[]> = {
  pending: ['acknowledge', 'return'],
  acknowledged: ['arrive', 'done', 'return'],
  on_site: ['done', 'return'],
  done: [],
  returned: [],
  declined: [],
};
const STEP_TESTID: Record<DispatchStep, string> = {
  acknowledge: 'dispatch-ack',
  arrive: 'dispatch-arrive',
  done: 'dispatch-done',
  return: 'dispatch-return',
};

export const numberOf = (r: DispatchInboxRow) => r.caseNumber;

interface ColumnOptions {
  t: Translate;
  mobile: boolean;
  now: number;
  /** `${dispatchId}:${step}` of the step being sent, whose button spins. */
  busy: string | null;
  press: (row: DispatchInboxRow, step: DispatchStep) => void;
}

const caseCell = (t: Translate, r: DispatchInboxRow) => (
  <Space orientation="vertical" size={0}>
    <Link to={`/cases/${r.caseId}`} className="mono">
      {numberOf(r)}
    </Link>
    <Space size={4}>
      {r.casePriority === 'urgent' && <EnumTag group="casePriority" value={r.casePriority} />}
      <Typography.Text>{r.caseTitle}</Typography.Text>
    </Space>
    {r.instructions && (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('cases.instructions')}：{r.instructions}
      </Typography.Text>
    )}
  </Space>
);

const slaTag = (r: DispatchInboxRow, now: number) => (
  <SlaTag
    reading={readClock('response', r.dispatchedAt, r.responseDueAt, r.acknowledgedAt, now)}
    testId={`dispatch-sla-${r.id}`}
  />
);

/** 单位待办's columns; a phone shows the 报到 clock under the status instead of in a column of its own. */
export function unitInboxColumns({ t, mobile, now, busy, press }: ColumnOptions): TableColumnsType<DispatchInboxRow> {
  return [
    { key: 'case', title: t('unitInbox.case'), render: (_, r) => caseCell(t, r) },
    { key: 'unit', title: t('cases.unit'), dataIndex: 'unitName', responsive: ['xl'] },
    {
      key: 'caseStatus',
      title: t('cases.status'),
      responsive: ['lg'],
      render: (_, r) => <EnumTag group="caseStatus" value={r.caseStatus} />,
    },
    {
      key: 'dispatchedAt',
      title: t('cases.dispatchedAt'),
      responsive: ['xl'],
      render: (_, r) => formatShortDateTime(r.dispatchedAt),
    },
    {
      key: 'status',
      title: t('unitInbox.status'),
      render: (_, r) => (
        <Space orientation="vertical" size={4}>
          <EnumTag group="dispatchStatus" value={r.status} />
          {mobile && r.status !== 'returned' && slaTag(r, now)}
        </Space>
      ),
    },
    ...(mobile
      ? []
      : [
          {
            key: 'sla',
            title: t('unitInbox.responseDue'),
            render: (_: unknown, r: DispatchInboxRow) => (r.status === 'returned' ? '—' : slaTag(r, now)),
          },
        ]),
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, r) => (
        <Space wrap size={4}>
          {STEPS[r.status].map((step) => (
            <Button
              key={step}
              size="small"
              type={step === 'return' ? 'default' : 'primary'}
              danger={step === 'return'}
              loading={busy === `${r.id}:${step}`}
              onClick={() => press(r, step)}
              data-testid={`${STEP_TESTID[step]}-${r.id}`}
            >
              {t(`unitInbox.${step}`)}
            </Button>
          ))}
        </Space>
      ),
    },
  ];
}
