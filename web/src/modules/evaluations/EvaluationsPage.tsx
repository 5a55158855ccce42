import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space, Table, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/client';
import type { EvaluationSessionView } from '../../api/contracts';
import { can, ownOrgOf, seesWholeCounty } from '../../auth/access';
import { useSession as useLogin } from '../../auth/session';
import { labelOf, useI18n } from '../../i18n';
import { ListPage } from '../../ui/ListPage';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { type ListParams, useListParams } from '../../ui/useListParams';
import { OrgSelect } from '../org/OrgSelect';
import { useSessions } from './api';
import { EvaluationCreateModal } from './EvaluationCreateModal';
import { sessionColumns } from './sessionColumns';

/** A month filter (YYYY-MM) as the list's inclusive day range. */
function monthQuery<Q extends Record<string, unknown>>(query: Q, month: string | undefined) {
  if (!month || !/^\d{4}-\d{2}$/.test(month)) return { ...query, month: undefined };
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { ...query, month: undefined, from: `${month}-01`, to: last };
}

const FILTERS = ['communityId', 'status', 'month'] as const;
type SessionList = ListParams<(typeof FILTERS)[number]>;

/** 每月评事: the sessions of each community (filtered by community, month, status), and a new one for a 20th. */
export default function EvaluationsPage() {
  const { t } = useI18n();
  const { me } = useLogin();
  const list = useListParams(FILTERS);
  const sessions = useSessions(monthQuery(list.query, list.filters.month));
  const [creating, setCreating] = useState(false);
  const ownCommunity = ownOrgOf(me, 'community_admin');
  // Grid workers read the sessions of their communities (evaluations.read); the county and community admins run them.
  const canManage = can(me, 'evaluations.manage');

  const unavailable =
    sessions.isError &&
    sessions.error instanceof ApiError &&
    (sessions.error.status === 404 || sessions.error.status === 405);

  return (
    <ListPage
      title={t('evaluations.title')}
      actions={
        canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="evaluation-create"
          >
            {t('evaluations.create')}
          </Button>
        ) : undefined
      }
      filters={<SessionFilters list={list} byCommunity={!ownCommunity && seesWholeCounty(me)} />}
      activeFilters={[list.filters.communityId, list.filters.status, list.filters.month].filter(Boolean).length}
    >
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {t('evaluations.subtitle')}
      </Typography.Paragraph>
      {sessions.isError ? (
        unavailable ? (
          <Alert
            type="warning"
            showIcon
            title={t('evaluations.unavailable')}
            description={errorMessage(sessions.error)}
          />
        ) : (
          <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
        )
      ) : sessions.isPending ? (
        <Loading />
      ) : (
        <SessionsTable sessions={sessions} list={list} />
      )}
      <EvaluationCreateModal open={creating} ownCommunity={ownCommunity} onClose={() => setCreating(false)} />
    </ListPage>
  );
}

/** Community (for those who see several), month and status. */
function SessionFilters({ list, byCommunity }: { list: SessionList; byCommunity: boolean }) {
  const { t } = useI18n();
  return (
    <Space wrap>
      {byCommunity ? (
        <OrgSelect
          kind="community"
          value={list.filters.communityId}
          placeholder={t('evaluations.community')}
          onChange={(v) => list.setFilter('communityId', v)}
          testId="evaluation-community-filter"
        />
      ) : null}
      <Input
        type="month"
        aria-label={t('evaluations.month')}
        value={list.filters.month ?? ''}
        onChange={(e) => list.setFilter('month', e.target.value || undefined)}
        style={{ width: 160 }}
        data-testid="evaluation-month-filter"
      />
      <Select
        allowClear
        placeholder={t('evaluations.status')}
        value={list.filters.status}
        onChange={(v?: string) => list.setFilter('status', v)}
        style={{ width: 130 }}
        data-testid="evaluation-status-filter"
        options={(['draft', 'held'] as const).map((v) => ({ value: v, label: labelOf('evaluationStatus', v) }))}
      />
    </Space>
  );
}

/** The sessions, a page at a time; a row opens its session. */
function SessionsTable({ sessions, list }: { sessions: ReturnType<typeof useSessions>; list: SessionList }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Table<EvaluationSessionView>
      data-testid="evaluations-table"
      rowKey="id"
      size="middle"
      className="clickable-rows"
      loading={sessions.isFetching}
      dataSource={sessions.data?.items ?? []}
      locale={{ emptyText: <EmptyState /> }}
      onRow={(r) =>
        ({
          onClick: () => navigate(`/evaluations/${r.id}`),
          'data-testid': `evaluation-row-${r.id}`,
        }) as HTMLAttributes<HTMLElement>
      }
      pagination={{
        current: list.page,
        pageSize: list.pageSize,
        total: sessions.data?.total ?? 0,
        showTotal: (n) => t('common.total', { count: n }),
        onChange: (p, s) => list.setPage(p, s),
      }}
      columns={sessionColumns(t)}
    />
  );
}
