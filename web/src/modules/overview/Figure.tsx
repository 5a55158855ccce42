import { Card, Skeleton, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { PARTY_RED } from '../../app/theme';
import { formatNumber } from '../../ui/format';

/** One count of the home page: a skeleton while it loads, "unavailable" in grey when it could not be read. */
export function Figure({
  title,
  value,
  loading,
  failed,
  unavailable,
}: {
  title: ReactNode;
  value: number | null;
  loading: boolean;
  failed: boolean;
  unavailable: string;
}) {
  return (
    <Card size="small" className="stat-card">
      {loading ? (
        <Skeleton active paragraph={false} />
      ) : (
        <Statistic
          title={title}
          value={failed || value === null ? unavailable : value}
          formatter={(v) => (typeof v === 'number' ? formatNumber(v) : String(v))}
          styles={{ content: failed ? { fontSize: 16, color: 'rgba(0,0,0,.35)' } : { color: PARTY_RED } }}
        />
      )}
    </Card>
  );
}
