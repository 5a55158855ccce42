import { Flex, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { EmptyState, LoadError } from '../../../ui/states';
import { MATCH_STATUSES, type MatchView, useMatches, useNeedWrites } from './api';
import { useMatchColumns } from './matchColumns';

type StatusFilter = 'proposed' | 'accepted' | 'rejected' | 'all';

/** One run's proposals by status (the open ones first), paged here; accepting or rejecting one says how it went. */
export function MatchesTable({ runId }: { runId: string }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [status, setStatus] = useState<StatusFilter>('proposed');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const matches = useMatches({ runId, status: status === 'all' ? undefined : status, ...page });
  const { accept, reject } = useNeedWrites();
  const decide = async (m: MatchView, how: 'accept' | 'reject') => {
    try {
      if (how === 'accept') await accept.mutateAsync({ id: m.id });
      else await reject.mutateAsync(m.id);
      feedback.success(t(how === 'accept' ? 'needs.match.accepted' : 'needs.match.rejected'));
    } catch (err) {
      feedback.error(err);
    }
  };
  const columns = useMatchColumns(decide);
  return (
    <>
      <Flex align="center" gap={8} wrap>
        <Typography.Text strong>{t('needs.match.title')}</Typography.Text>
        <Segmented<StatusFilter>
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage({ page: 1, pageSize: page.pageSize });
          }}
          data-testid="match-status"
          options={([...MATCH_STATUSES, 'all'] as const).map((s) => ({
            value: s,
            label: s === 'all' ? t('needs.match.all') : t(`needs.match.statuses.${s}`),
          }))}
        />
      </Flex>
      {matches.isError ? (
        <LoadError error={matches.error} onRetry={() => void matches.refetch()} />
      ) : (
        <Table<MatchView>
          data-testid="matches-table"
          rowKey="id"
          size="small"
          loading={matches.isFetching}
          dataSource={matches.data?.items ?? []}
          locale={{ emptyText: <EmptyState /> }}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: matches.data?.total ?? 0,
            showTotal: (n) => t('common.total', { count: n }),
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={columns}
        />
      )}
    </>
  );
}
