import { Button, Flex, Popconfirm, Segmented, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { seesWholeCounty } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { formatDateTime, formatNumber, formatPercent } from '../../../ui/format';
import { EmptyState, LoadError, Loading } from '../../../ui/states';
import { useIsMobile } from '../../../ui/useIsMobile';
import { MATCH_STATUSES, type MatchView, type RunView, useMatches, useNeedWrites, useRuns } from './api';
import { MatchStatusTag, PriorityTag, TaskStatusTag, useAmount } from './parts';
import { RunFigures } from './RunFigures';
import { RunPanel } from './RunPanel';

type StatusFilter = 'proposed' | 'accepted' | 'rejected' | 'all';

/** 需求资源匹配: run a matching, pick a run from the history, see its figures and decide its proposals. */
export function MatchingTab() {
  const { t } = useI18n();
  const { me } = useSession();
  const runs = useRuns(true);
  const [chosen, setChosen] = useState<string | undefined>();
  const runId = chosen ?? runs.data?.items[0]?.id;
  const run = runs.data?.items.find((r) => r.id === runId);
  return (
    <Flex vertical gap={12}>
      <RunPanel countyWide={seesWholeCounty(me)} onDone={(r: RunView) => setChosen(r.id)} />
      {runs.isError ? (
        <LoadError error={runs.error} onRetry={() => void runs.refetch()} />
      ) : runs.isPending ? (
        <Loading />
      ) : !runs.data?.items.length ? (
        <EmptyState description={t('needs.run.none')} />
      ) : (
        <>
          <Flex align="center" gap={8} wrap>
            <Typography.Text strong>{t('needs.run.history')}</Typography.Text>
            <Select
              value={runId}
              onChange={setChosen}
              style={{ minWidth: 280, maxWidth: '100%' }}
              data-testid="run-select"
              options={runs.data.items.map((r) => ({
                value: r.id,
                label: `${formatDateTime(r.createdAt)} · ${r.communityName ?? t('needs.run.countyWide')} · ${formatPercent(r.stats?.weightedCoverage ?? 0)} · ${r.counts.accepted}/${r.counts.proposed + r.counts.accepted + r.counts.rejected}`,
              }))}
            />
          </Flex>
          {run && <RunFigures run={run} />}
          {run && <MatchesTable runId={run.id} />}
        </>
      )}
    </Flex>
  );
}

function MatchesTable({ runId }: { runId: string }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const amount = useAmount();
  const mobile = useIsMobile();
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
          columns={[
            {
              key: 'need',
              title: t('needs.match.need'),
              render: (_, m) => (
                <Space direction="vertical" size={0} style={{ maxWidth: 260 }}>
                  <span>
                    <PriorityTag value={m.needPriority} />
                    {m.needTitle}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.communityName} · {t('needs.remaining')} {amount(m.needRemaining, m.unit)}
                  </Typography.Text>
                  {mobile && (
                    <>
                      <span>
                        → {m.unitName} · {amount(m.amount, m.unit)} ·{' '}
                        {t('needs.match.km', { d: formatNumber(Math.round(m.distanceKm * 100) / 100) })}
                      </span>
                      <Flex gap={4} align="center">
                        <MatchStatusTag value={m.status} />
                        <MatchActions m={m} onDecide={decide} />
                      </Flex>
                    </>
                  )}
                </Space>
              ),
            },
            {
              key: 'resource',
              title: t('needs.match.resource'),
              responsive: ['sm'],
              render: (_, m) => (
                <Space direction="vertical" size={0} style={{ maxWidth: 240 }}>
                  <span>{m.unitName}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.resourceTitle} · {t('needs.left')} {amount(m.resourceRemaining, m.unit)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              key: 'amount',
              title: t('needs.match.amount'),
              align: 'right',
              responsive: ['sm'],
              render: (_, m) => amount(m.amount, m.unit),
            },
            {
              key: 'distance',
              title: t('needs.match.distance'),
              align: 'right',
              responsive: ['sm'],
              render: (_, m) => t('needs.match.km', { d: formatNumber(Math.round(m.distanceKm * 100) / 100) }),
            },
            {
              key: 'status',
              title: t('needs.status'),
              responsive: ['sm'],
              render: (_, m) => (
                <>
                  <MatchStatusTag value={m.status} />
                  {m.task && <TaskStatusTag value={m.task.status} />}
                </>
              ),
            },
            {
              key: 'actions',
              title: t('needs.actions'),
              responsive: ['sm'],
              render: (_, m) => <MatchActions m={m} onDecide={decide} />,
            },
          ]}
        />
      )}
    </>
  );
}

function MatchActions({
  m,
  onDecide,
}: {
  m: MatchView;
  onDecide: (m: MatchView, how: 'accept' | 'reject') => Promise<void>;
}) {
  const { t } = useI18n();
  const amount = useAmount();
  if (m.status === 'rejected' || m.task?.status === 'done') return null;
  return (
    <Flex gap={4}>
      {m.status === 'proposed' && (
        <Popconfirm
          title={t('needs.match.acceptConfirm', { resource: m.resourceTitle, amount: amount(m.amount, m.unit) })}
          onConfirm={() => onDecide(m, 'accept')}
          okText={t('needs.match.accept')}
          cancelText={t('common.cancel')}
        >
          <Button size="small" type="primary" data-testid={`match-accept-${m.id}`}>
            {t('needs.match.accept')}
          </Button>
        </Popconfirm>
      )}
      <Popconfirm
        title={t(m.status === 'accepted' ? 'needs.match.takeBackConfirm' : 'needs.match.rejectConfirm')}
        onConfirm={() => onDecide(m, 'reject')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
      >
        <Button size="small" danger data-testid={`match-reject-${m.id}`}>
          {t(m.status === 'accepted' ? 'needs.match.takeBack' : 'needs.match.reject')}
        </Button>
      </Popconfirm>
    </Flex>
  );
}
