import { Card, Table } from 'antd';
import type { CaseStatsGroup } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { formatNumber, formatPercent } from '../../ui/format';
import { EmptyState } from '../../ui/states';
import { COUNT_KEYS, type CountKey, formatScore, RATE_KEYS, type RateKey } from './StatsCards';

/** The period's groups as a table: counts, rates and the composite score, each column sorted in the browser (the groups come whole, no paging on the server). */
export function StatsTable({ groups, loading }: { groups: CaseStatsGroup[]; loading: boolean }) {
  const { t } = useI18n();
  const num = (k: CountKey) => ({
    key: k,
    title: t(`caseStats.${k}`),
    align: 'right' as const,
    sorter: (a: CaseStatsGroup, b: CaseStatsGroup) => (a[k] ?? 0) - (b[k] ?? 0),
    render: (_: unknown, g: CaseStatsGroup) => formatNumber(g[k]),
  });
  const rate = (k: RateKey | 'composite') => ({
    key: k,
    title: t(`caseStats.${k}`),
    align: 'right' as const,
    sorter: (a: CaseStatsGroup, b: CaseStatsGroup) => (a[k] ?? -1) - (b[k] ?? -1),
    render: (_: unknown, g: CaseStatsGroup) => (k === 'composite' ? formatScore(g.composite) : formatPercent(g[k])),
  });
  return (
    <Card size="small" title={t('caseStats.table')} className="list-card">
      <Table<CaseStatsGroup>
        rowKey="key"
        size="small"
        dataSource={groups}
        loading={loading}
        data-testid="stats-table"
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 960 }}
        locale={{ emptyText: <EmptyState /> }}
        columns={[
          { key: 'name', title: t('caseStats.group'), dataIndex: 'name', fixed: 'left' },
          ...COUNT_KEYS.map(num),
          ...RATE_KEYS.map(rate),
          rate('composite'),
        ]}
      />
    </Card>
  );
}
