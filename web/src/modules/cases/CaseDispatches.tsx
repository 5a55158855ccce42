import { Table } from 'antd';
import type { CaseDetail, CaseDispatch } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { nowMs } from '../../ui/clock';
import { EnumTag } from '../../ui/EnumTag';
import { formatShortDateTime } from '../../ui/format';
import { EmptyState } from '../../ui/states';

/** The units whistled in on a case: their answer, arrival and report, an answer after its due time in red. */
export function CaseDispatches({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  return (
    <Table<CaseDispatch>
      size="small"
      rowKey="id"
      dataSource={c.dispatches}
      pagination={false}
      data-testid="case-dispatches"
      scroll={{ x: 720 }}
      locale={{ emptyText: <EmptyState description={t('cases.noDispatches')} /> }}
      columns={[
        { key: 'unit', title: t('cases.unit'), dataIndex: 'unitName' },
        {
          key: 'status',
          title: t('cases.status'),
          render: (_, d) => <EnumTag group="dispatchStatus" value={d.status} />,
        },
        { key: 'dispatchedAt', title: t('cases.dispatchedAt'), render: (_, d) => formatShortDateTime(d.dispatchedAt) },
        {
          key: 'ack',
          title: t('cases.acknowledgedAt'),
          render: (_, d) => {
            const late = d.acknowledgedAt
              ? Date.parse(d.acknowledgedAt) > Date.parse(d.responseDueAt)
              : nowMs() > Date.parse(d.responseDueAt) && d.status === 'pending';
            return <span style={late ? { color: '#cf1322' } : undefined}>{formatShortDateTime(d.acknowledgedAt)}</span>;
          },
        },
        { key: 'arrived', title: t('cases.arrivedAt'), render: (_, d) => formatShortDateTime(d.arrivedAt) },
        { key: 'done', title: t('cases.doneAt'), render: (_, d) => formatShortDateTime(d.doneAt) },
        {
          key: 'note',
          title: t('cases.reportNote'),
          render: (_, d) => d.reportNote ?? d.instructions ?? '—',
          ellipsis: true,
        },
      ]}
    />
  );
}
