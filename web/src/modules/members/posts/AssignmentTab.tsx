import { Alert, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { formatNumber, formatPercent } from '../../../ui/format';
import { LoadError } from '../../../ui/states';
import {
  type AssignmentRunResult,
  allSuggestionIds,
  type PostAssignmentView,
  useAssignments,
  useConfirmMany,
  useDecide,
  useRunAssignment,
} from './api';
import type { PostsScope } from './PostsPage';

function RunResult({ r }: { r: AssignmentRunResult }) {
  const { t } = useI18n();
  return (
    <Alert
      type={r.status === 'optimal' ? 'success' : 'warning'}
      showIcon
      data-testid="assignment-result"
      message={t('posts.result', {
        suggested: formatNumber(r.suggested),
        candidates: formatNumber(r.candidates),
        seats: formatNumber(r.openSeats),
        objective: r.objective.toFixed(2),
        gap: formatPercent(r.gap, 2),
        ms: `${formatNumber(r.solveMs)} ms`,
      })}
      description={r.status === 'optimal' ? t('posts.resultOptimal') : t('posts.resultTimeLimit')}
    />
  );
}

function AssignmentTable({ scope, state }: { scope: PostsScope; state: 'suggested' | 'confirmed' }) {
  const { t, language } = useI18n();
  const feedback = useFeedback();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const rows = useAssignments({ communityId: scope.communityId, year: scope.year, state, ...page });
  const decide = useDecide();
  const act = (a: PostAssignmentView, action: 'confirm' | 'decline' | 'end') =>
    decide.mutateAsync({ id: a.id, action, version: a.version }).catch(feedback.error);
  if (rows.isError) return <LoadError error={rows.error} onRetry={() => void rows.refetch()} />;
  return (
    <Table<PostAssignmentView>
      data-testid={`assignments-${state}`}
      rowKey="id"
      size="small"
      loading={rows.isFetching}
      dataSource={rows.data?.items ?? []}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: page.page,
        pageSize: page.pageSize,
        total: rows.data?.total ?? 0,
        showTotal: (n) => t('common.total', { count: n }),
        onChange: (p, s) => setPage({ page: p, pageSize: s }),
      }}
      columns={[
        {
          key: 'member',
          title: t('posts.member'),
          render: (_, a) => (
            <>
              {a.memberName} {a.skillMatch && <Tag color="blue">{t('posts.skillMatch')}</Tag>}
            </>
          ),
        },
        { key: 'unit', title: t('posts.unit'), responsive: ['lg'], render: (_, a) => a.unitName },
        {
          key: 'opening',
          title: t('posts.opening'),
          render: (_, a) => (
            <>
              <div>{a.openingTitle}</div>
              <Typography.Text type="secondary">
                {language === 'en' ? a.postTypeNameEn : a.postTypeName}
              </Typography.Text>
            </>
          ),
        },
        {
          key: 'distance',
          title: t('posts.distance'),
          align: 'right',
          responsive: ['md'],
          render: (_, a) => (a.distanceKm === null ? '' : t('posts.km', { km: a.distanceKm.toFixed(1) })),
        },
        {
          key: 'score',
          title: t('posts.score'),
          align: 'right',
          responsive: ['md'],
          render: (_, a) => a.score?.toFixed(2) ?? '',
        },
        ...(scope.manages
          ? [
              {
                key: 'actions',
                title: '',
                render: (_: unknown, a: PostAssignmentView) =>
                  state === 'suggested' ? (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => void act(a, 'confirm')}>
                        {t('posts.confirm')}
                      </Button>
                      <Button type="link" size="small" danger onClick={() => void act(a, 'decline')}>
                        {t('posts.decline')}
                      </Button>
                    </Space>
                  ) : (
                    <Popconfirm title={t('posts.confirmEnd')} onConfirm={() => void act(a, 'end')}>
                      <Button type="link" size="small">
                        {t('posts.end')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** The assignment: run the optimiser for the community (or the county), decide its suggestions, see who is confirmed. */
export function AssignmentTab({ scope }: { scope: PostsScope }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const run = useRunAssignment();
  const confirmMany = useConfirmMany();
  const [confirming, setConfirming] = useState(false);
  const mayRun = scope.manages && (scope.communityId !== undefined || scope.county);
  const confirmAll = async () => {
    setConfirming(true);
    try {
      const ids = await allSuggestionIds({ communityId: scope.communityId, year: scope.year });
      let confirmed = 0;
      let skipped = 0;
      for (let i = 0; i < ids.length; i += 2000) {
        const r = await confirmMany.mutateAsync(ids.slice(i, i + 2000));
        confirmed += r.confirmed;
        skipped += r.skipped.length;
      }
      feedback.success(t('posts.confirmAllDone', { confirmed, skipped }));
    } catch (e) {
      feedback.error(e);
    } finally {
      setConfirming(false);
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {mayRun && (
        <Card size="small">
          <Typography.Paragraph type="secondary">
            {t('posts.runHint', {
              scope: scope.communityId ? t('posts.scopeCommunity') : t('posts.scopeCounty'),
              year: scope.year,
            })}
          </Typography.Paragraph>
          <Space wrap>
            <Button
              type="primary"
              loading={run.isPending}
              data-testid="assignment-run"
              onClick={() =>
                run.mutateAsync({ communityId: scope.communityId, year: scope.year }).catch(feedback.error)
              }
            >
              {run.isPending ? t('posts.running') : t('posts.run')}
            </Button>
            <Button loading={confirming} onClick={() => void confirmAll()} data-testid="assignment-confirm-all">
              {t('posts.confirmAll')}
            </Button>
          </Space>
          {run.data && (
            <div style={{ marginTop: 12 }}>
              <RunResult r={run.data} />
            </div>
          )}
        </Card>
      )}
      <Card size="small" title={t('posts.suggestions')}>
        <AssignmentTable scope={scope} state="suggested" />
      </Card>
      <Card size="small" title={t('posts.confirmedList')}>
        <AssignmentTable scope={scope} state="confirmed" />
      </Card>
    </Space>
  );
}
