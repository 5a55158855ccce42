import { Button, DatePicker, Popconfirm, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import type { EvaluationFollowUpView } from '../../api/contracts';
import { ownOrgOf, seesWholeCounty } from '../../auth/access';
import { useSession as useLogin } from '../../auth/session';
import { labelOf, useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { ListPage } from '../../ui/ListPage';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { type ListParams, useListParams } from '../../ui/useListParams';
import { OrgSelect } from '../org/OrgSelect';
import { useEvaluationWrites, useFollowUps } from './api';

const FILTERS = ['status', 'communityId', 'month'] as const;
type FollowUpList = ListParams<(typeof FILTERS)[number]>;
type T = ReturnType<typeof useI18n>['t'];

/**
 * 评事整改: the follow-up tasks of 不满意 verdicts the user may work on — the county all, a community admin its own, a
 * unit admin the tasks given to its units — by status, community and session month. The server lists only tasks the
 * user may mark done (GET /api/evaluation-follow-ups), so an open task offers "mark done", confirmed first.
 */
export default function FollowUpsPage() {
  const { t } = useI18n();
  const { me } = useLogin();
  const list = useListParams(FILTERS);
  const followUps = useFollowUps(list.query);
  const byCommunity = seesWholeCounty(me) && !ownOrgOf(me, 'community_admin');
  return (
    <ListPage
      title={t('evaluations.followUpsTitle')}
      filters={<FollowUpFilters list={list} byCommunity={byCommunity} />}
      activeFilters={[list.filters.status, list.filters.communityId, list.filters.month].filter(Boolean).length}
    >
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {t('evaluations.followUpsSubtitle')}
      </Typography.Paragraph>
      {followUps.isError ? (
        <LoadError error={followUps.error} onRetry={() => void followUps.refetch()} />
      ) : followUps.isPending ? (
        <Loading />
      ) : (
        <FollowUpsTable followUps={followUps} list={list} />
      )}
    </ListPage>
  );
}

function FollowUpFilters({ list, byCommunity }: { list: FollowUpList; byCommunity: boolean }) {
  const { t } = useI18n();
  return (
    <Space wrap>
      {byCommunity ? (
        <OrgSelect
          kind="community"
          value={list.filters.communityId}
          placeholder={t('evaluations.community')}
          onChange={(v) => list.setFilter('communityId', v)}
          testId="follow-up-community-filter"
        />
      ) : null}
      <DatePicker
        picker="month"
        aria-label={t('evaluations.month')}
        placeholder={t('evaluations.month')}
        value={list.filters.month ? dayjs(`${list.filters.month}-01`) : null}
        onChange={(d) => list.setFilter('month', d ? d.format('YYYY-MM') : undefined)}
        style={{ width: 160 }}
        data-testid="follow-up-month-filter"
      />
      <Select
        allowClear
        placeholder={t('evaluations.status')}
        value={list.filters.status}
        onChange={(v?: string) => list.setFilter('status', v)}
        style={{ width: 130 }}
        data-testid="follow-up-status-filter"
        options={(['open', 'done'] as const).map((v) => ({ value: v, label: t(`followUpStatus.${v}`) }))}
      />
    </Space>
  );
}

function FollowUpsTable({ followUps, list }: { followUps: ReturnType<typeof useFollowUps>; list: FollowUpList }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { followUp } = useEvaluationWrites();
  const markDone = async (f: EvaluationFollowUpView) => {
    try {
      await followUp.mutateAsync({ id: f.id, status: 'done', version: f.version });
      feedback.success(t('evaluations.followUpSaved'));
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Table<EvaluationFollowUpView>
      data-testid="follow-ups-table"
      rowKey="id"
      size="middle"
      loading={followUps.isFetching}
      dataSource={followUps.data?.items ?? []}
      scroll={{ x: 1020 }}
      locale={{ emptyText: <EmptyState description={t('evaluations.noFollowUps')} /> }}
      pagination={{
        current: list.page,
        pageSize: list.pageSize,
        total: followUps.data?.total ?? 0,
        showTotal: (n) => t('common.total', { count: n }),
        onChange: (p, s) => list.setPage(p, s),
      }}
      columns={followUpColumns(t, (f) => void markDone(f), followUp.isPending)}
    />
  );
}

function followUpColumns(
  t: T,
  markDone: (f: EvaluationFollowUpView) => void,
  busy: boolean,
): TableColumnsType<EvaluationFollowUpView> {
  return [
    {
      key: 'case',
      title: t('evaluations.caseNumber'),
      width: 260,
      ellipsis: true,
      render: (_, f) => (
        <span title={f.caseTitle}>
          <Link to={`/cases/${f.caseId}`} className="mono">
            {f.caseNumber}
          </Link>{' '}
          {f.caseTitle}
        </span>
      ),
    },
    { key: 'community', title: t('evaluations.community'), width: 110, ellipsis: true, dataIndex: 'communityName' },
    {
      key: 'verdict',
      title: t('evaluations.verdict'),
      width: 190,
      render: (_, f) => (
        <Space size={4} wrap>
          <Tag color="red">{labelOf('verdict', f.verdict)}</Tag>
          {f.consequence ? <Tag>{t(`evaluations.consequence_${f.consequence}`)}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'assignee',
      title: t('evaluations.assignee'),
      width: 160,
      ellipsis: true,
      render: (_, f) =>
        `${t(f.assigneeKind === 'unit' ? 'evaluations.assigneeUnit' : 'evaluations.assigneeOwner')}：${f.assigneeName}`,
    },
    { key: 'heldOn', title: t('evaluations.heldOn'), width: 100, render: (_, f) => formatDate(f.heldOn) },
    { key: 'dueOn', title: t('evaluations.dueOn'), width: 100, render: (_, f) => formatDate(f.dueOn) },
    {
      key: 'status',
      title: t('evaluations.status'),
      width: 170,
      fixed: 'right',
      render: (_, f) => (
        <Space size={4}>
          <Tag color={f.status === 'done' ? 'success' : 'warning'}>{t(`followUpStatus.${f.status}`)}</Tag>
          {f.status === 'open' && (
            <Popconfirm
              title={t('evaluations.markDoneConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => markDone(f)}
            >
              <Button size="small" type="link" loading={busy} data-testid={`follow-up-done-${f.id}`}>
                {t('evaluations.markDone')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
}
