import { Button, Space, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { CaseDetail, CaseDispatch } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { nowMs } from '../../ui/clock';
import { EnumTag } from '../../ui/EnumTag';
import { formatShortDateTime } from '../../ui/format';
import { EmptyState } from '../../ui/states';
import { ProxyAcknowledgeDialog } from './ProxyAcknowledgeDialog';

/** 跨社区吹哨 and 代报到, each with its reason on hover. */
function Flags({ d }: { d: CaseDispatch }) {
  const { t } = useI18n();
  return (
    <>
      {d.crossCommunity && (
        <Tooltip title={d.crossCommunityReason}>
          <Tag color="orange" data-testid={`case-dispatch-cross-${d.id}`}>
            {t('whistleRules.crossCommunity')}
          </Tag>
        </Tooltip>
      )}
      {d.proxyAcknowledged && (
        <Tooltip title={d.proxyReason}>
          <Tag color="purple" data-testid={`case-dispatch-proxy-${d.id}`}>
            {t('whistleRules.proxied')}
          </Tag>
        </Tooltip>
      )}
    </>
  );
}

type Translate = ReturnType<typeof useI18n>['t'];

/**
 * The units whistled in on a case: their answer, arrival and report, an answer after its due time in red, the
 * 跨社区吹哨 and 代报到 flags, and — for the community, on a unit still waiting — 代报到.
 */
export function CaseDispatches({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const [proxyRow, setProxyRow] = useState<CaseDispatch | null>(null);
  const mayProxy = c.dispatches.some((d) => d.mayProxyAcknowledge);
  return (
    <>
      <Table<CaseDispatch>
        size="small"
        rowKey="id"
        dataSource={c.dispatches}
        pagination={false}
        data-testid="case-dispatches"
        locale={{ emptyText: <EmptyState description={t('cases.noDispatches')} /> }}
        columns={[...dispatchColumns(t), ...(mayProxy ? [proxyColumn(t, setProxyRow)] : [])]}
      />
      <ProxyAcknowledgeDialog row={proxyRow} onClose={() => setProxyRow(null)} />
    </>
  );
}

/** A dispatch's answer time, in red when it came after its due time (or is due and still has not come). */
function AcknowledgedAt({ d }: { d: CaseDispatch }) {
  const late = d.acknowledgedAt
    ? Date.parse(d.acknowledgedAt) > Date.parse(d.responseDueAt)
    : nowMs() > Date.parse(d.responseDueAt) && d.status === 'pending';
  return <span style={late ? { color: '#cf1322' } : undefined}>{formatShortDateTime(d.acknowledgedAt)}</span>;
}

function dispatchColumns(t: Translate): TableColumnsType<CaseDispatch> {
  return [
    {
      key: 'unit',
      title: t('cases.unit'),
      width: 150,
      render: (_, d) => (
        <Space size={4} wrap>
          {d.unitName}
          <Flags d={d} />
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('cases.status'),
      width: 84,
      render: (_, d) => <EnumTag group="dispatchStatus" value={d.status} />,
    },
    {
      key: 'dispatchedAt',
      title: t('cases.dispatchedAt'),
      width: 96,
      responsive: ['xxl'],
      render: (_, d) => formatShortDateTime(d.dispatchedAt),
    },
    {
      key: 'ack',
      title: t('cases.acknowledgedAt'),
      width: 96,
      responsive: ['sm'],
      render: (_, d) => <AcknowledgedAt d={d} />,
    },
    {
      key: 'arrived',
      title: t('cases.arrivedAt'),
      width: 96,
      responsive: ['xl'],
      render: (_, d) => formatShortDateTime(d.arrivedAt),
    },
    {
      key: 'done',
      title: t('cases.doneAt'),
      width: 96,
      responsive: ['sm'],
      render: (_, d) => formatShortDateTime(d.doneAt),
    },
    {
      key: 'note',
      title: t('cases.reportNote'),
      render: (_, d) => d.reportNote ?? d.instructions ?? '—',
      // The rest of the row, cut with … and whole on hover: the table fits its card (no column cut at 1440 px).
      ellipsis: { showTitle: true },
    },
  ];
}

/** 代报到, on the rows of units the community may acknowledge for. */
function proxyColumn(t: Translate, onProxy: (d: CaseDispatch) => void) {
  return {
    key: 'proxy',
    title: t('common.actions'),
    width: 90,
    render: (_: unknown, d: CaseDispatch) =>
      d.mayProxyAcknowledge && (
        <Button size="small" onClick={() => onProxy(d)} data-testid={`proxy-ack-${d.id}`}>
          {t('whistleRules.proxyAcknowledge')}
        </Button>
      ),
  };
}
