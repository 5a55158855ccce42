import type { TableColumnsType } from 'antd';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { DispatchInboxRow, DispatchStatus, DispatchStep } from '../../api/contracts';
import type { useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { formatShortDateTime } from '../../ui/format';
import { RELEASING_STEPS } from './api';
import { readClock } from './sla';
import { SlaTag } from './SlaBadge';

type Translate = ReturnType<typeof useI18n>['t'];

/** Which buttons a dispatch offers in each state (the server still decides). */
const STEPS: Record<DispatchStatus, DispatchStep[]> = {
  // Before 报到 a unit that is not the right one declines (拒绝) with its reason; after it, it sends it back (退回).
  pending: ['acknowledge', 'decline'],
  acknowledged: ['arrive', 'done', 'return'],
  on_site: ['done', 'return'],
  done: [],
  returned: [],
  declined: [],
  // Done, then the case came back unsolved: the unit is called in again (a new whistle) before it acts.
  reopened: [],
};
const STEP_TESTID: Record<DispatchStep, string> = {
  acknowledge: 'dispatch-ack',
  arrive: 'dispatch-arrive',
  done: 'dispatch-done',
  return: 'dispatch-return',
  decline: 'dispatch-decline',
};

export const numberOf = (r: DispatchInboxRow) => r.caseNumber;
/** Sent back or declined: the unit no longer holds it, so no response clock. */
const released = (r: DispatchInboxRow) => r.status === 'returned' || r.status === 'declined';

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
    {r.crossCommunity && (
      <Tooltip title={r.crossCommunityReason}>
        <Tag color="orange" data-testid={`dispatch-cross-${r.id}`}>
          {t('whistleRules.crossCommunity')}
        </Tag>
      </Tooltip>
    )}
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
          {mobile && !released(r) && slaTag(r, now)}
        </Space>
      ),
    },
    ...(mobile
      ? []
      : [
          {
            key: 'sla',
            title: t('unitInbox.responseDue'),
            render: (_: unknown, r: DispatchInboxRow) => (released(r) ? '—' : slaTag(r, now)),
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
              type={RELEASING_STEPS.includes(step) ? 'default' : 'primary'}
              danger={RELEASING_STEPS.includes(step)}
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
