import { Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { LoadError } from '../../../ui/states';
import { type PairView, usePairs } from './api';

/** The adopted pairs of the year the actor may see (a community its units, a unit its communities). */
export function PairsTab({ year }: { year: number }) {
  const { t, label } = useI18n();
  const [page, setPage] = useState(1);
  const pairs = usePairs({ year, page, pageSize: 20 });
  if (pairs.isError) return <LoadError error={pairs.error} onRetry={() => void pairs.refetch()} />;
  return (
    <Table<PairView>
      size="small"
      rowKey="id"
      loading={pairs.isLoading}
      dataSource={pairs.data?.items ?? []}
      locale={{ emptyText: t('pairing.pairs.none') }}
      data-testid="pairs-table"
      pagination={{
        current: page,
        pageSize: 20,
        total: pairs.data?.total ?? 0,
        onChange: setPage,
        showSizeChanger: false,
      }}
      columns={[
        { key: 'community', title: t('pairing.pairs.community'), dataIndex: 'communityName' },
        { key: 'unit', title: t('pairing.pairs.unit'), dataIndex: 'unitName' },
        {
          key: 'leader',
          title: t('pairing.pairs.leader'),
          dataIndex: 'unitLeader',
          // On a phone: community, unit and distance; the leader and the matched strengths from a tablet up.
          responsive: ['md'],
          render: (v: string | null) => v ?? '—',
        },
        {
          key: 'distance',
          title: t('pairing.pairs.distance'),
          dataIndex: 'distanceKm',
          align: 'right',
          render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
        },
        {
          key: 'matched',
          title: t('pairing.matched'),
          responsive: ['md'],
          render: (_: unknown, p) =>
            p.explanation?.matched.length
              ? p.explanation.matched.map((m) => (
                  <Tag key={m.tag} color="volcano">
                    {label('strength', m.tag)}
                  </Tag>
                ))
              : '—',
        },
      ]}
    />
  );
}
