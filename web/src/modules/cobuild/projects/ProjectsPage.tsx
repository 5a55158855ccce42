import { countyWallClock } from '../../../ui/clock';
import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Input,
  List,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ownOrgOf, runsCommunities } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { ExportButton } from '../../../ui/ExportButton';
import { ListPage } from '../../../ui/ListPage';
import { EmptyState, LoadError, Loading } from '../../../ui/states';
import { useIsMobile } from '../../../ui/useIsMobile';
import { sortParam, useListParams } from '../../../ui/useListParams';
import { OrgSelect } from '../../org/OrgSelect';
import { DOMAINS, type PlanView, type ProjectView, STATUSES, usePlans, useProjects, useProjectSummary } from './api';
import { DomainTag, OverdueTags, PlanStatusTag, ProgressBar, StatusTag, UnitsCell, yuan } from './parts';
import { ProjectForm } from './ProjectForm';

const FILTERS = ['view', 'year', 'communityId', 'unitId', 'domain', 'status', 'overdue'] as const;
export const thisYear = () => dayjs(countyWallClock()).year();
export const yearOptions = () =>
  [thisYear() - 1, thisYear(), thisYear() + 1].map((y) => ({ value: String(y), label: String(y) }));

/** 共建项目清单: the list with filters and progress, the community plans, and for a unit admin its own projects. */
export default function ProjectsPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const list = useListParams(FILTERS);
  const [creating, setCreating] = useState(false);
  const ownCommunity = ownOrgOf(me, 'community_admin');
  const ownUnit = ownOrgOf(me, 'unit_admin');
  const view = list.filters.view === 'plans' ? 'plans' : 'list';
  const year = list.filters.year ?? String(thisYear());
  const query = { ...list.query, view: undefined, year, overdue: list.filters.overdue };
  // A community adds projects only while its plan of the year is a draft (or before it has one); the county may amend.
  const ownPlans = usePlans({ year, communityId: ownCommunity, pageSize: '1' });
  const ownPlanLocked =
    !!ownCommunity && !can('projects.approve') && (ownPlans.data?.items ?? []).some((p) => p.status !== 'draft');
  const canCreate = can('projects.write') && runsCommunities(me) && !ownPlanLocked;
  const f = list.filters;
  const active = [f.communityId, f.unitId, f.domain, f.status, f.overdue, list.q].filter(Boolean).length;

  const filters = (
    <>
      <Select
        value={year}
        options={yearOptions()}
        onChange={(v) => list.setFilter('year', v)}
        style={{ width: 100 }}
        data-testid="project-year"
      />
      {!ownCommunity && (
        <OrgSelect
          kind="community"
          value={f.communityId}
          placeholder={t('projects.community')}
          onChange={(v) => list.setFilter('communityId', v)}
          style={{ width: 150 }}
        />
      )}
      {view === 'list' && !ownUnit && (
        <OrgSelect
          kind="unit"
          value={f.unitId}
          placeholder={t('projects.unit')}
          onChange={(v) => list.setFilter('unitId', v)}
          style={{ width: 180 }}
        />
      )}
      {view === 'list' && (
        <>
          <Select
            allowClear
            value={f.domain}
            placeholder={t('projects.domain')}
            style={{ width: 140 }}
            onChange={(v) => list.setFilter('domain', v)}
            options={DOMAINS.map((d) => ({ value: d, label: t(`projects.domains.${d}`) }))}
            data-testid="project-domain"
          />
          <Select
            allowClear
            value={f.status}
            placeholder={t('projects.status')}
            style={{ width: 120 }}
            onChange={(v) => list.setFilter('status', v)}
            options={STATUSES.map((s) => ({ value: s, label: t(`projects.statuses.${s}`) }))}
            data-testid="project-status"
          />
          <span>
            <Switch
              size="small"
              checked={f.overdue === 'true'}
              onChange={(v) => list.setFilter('overdue', v ? 'true' : undefined)}
              data-testid="project-overdue"
            />{' '}
            {t('projects.overdueOnly')}
          </span>
          <Input.Search
            allowClear
            defaultValue={list.q}
            placeholder={t('projects.search')}
            onSearch={(v) => list.setFilter('q', v)}
            style={{ width: 200 }}
          />
        </>
      )}
    </>
  );

  return (
    <ListPage
      title={ownUnit && !ownCommunity ? t('projects.unitTitle') : t('projects.title')}
      filters={filters}
      activeFilters={active}
      actions={
        <>
          {ownCommunity && (
            <Link to={`/cobuild/projects/plan/${ownCommunity}/${year}`}>
              <Button>{t('projects.plan')}</Button>
            </Link>
          )}
          {view === 'list' && <ExportButton path="/projects/export.xlsx" query={query} fileName="projects.xlsx" />}
          {canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="project-create"
            >
              {t('projects.newProject')}
            </Button>
          )}
        </>
      }
    >
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {t('projects.subtitle')}
      </Typography.Paragraph>
      {!ownUnit && (
        <Segmented
          value={view}
          style={{ marginBottom: 12 }}
          onChange={(v) => list.setFilter('view', v === 'plans' ? 'plans' : undefined)}
          options={[
            { value: 'list', label: t('projects.list') },
            { value: 'plans', label: t('projects.plans') },
          ]}
          data-testid="project-view"
        />
      )}
      {view === 'plans' ? (
        <PlanList query={{ ...query, unitId: undefined, domain: undefined, status: undefined, q: undefined }} />
      ) : (
        <>
          <SummaryCards query={{ year, communityId: f.communityId, unitId: f.unitId }} />
          <ProjectTable query={query} list={list} />
        </>
      )}
      {creating && (
        <ProjectForm
          open
          onClose={() => setCreating(false)}
          communityId={ownCommunity ?? f.communityId}
          year={Number(year)}
        />
      )}
    </ListPage>
  );
}

function SummaryCards({ query }: { query: Record<string, string | undefined> }) {
  const { t, language } = useI18n();
  const s = useProjectSummary(query);
  if (!s.data) return null;
  const d = s.data;
  const items = [
    { key: 'total', title: t('projects.total'), value: d.total },
    { key: 'avg', title: t('projects.averageProgress'), value: `${d.averageProgress}%` },
    { key: 'done', title: t('projects.done'), value: d.byStatus.done ?? 0 },
    { key: 'overdue', title: t('projects.overdueCount'), value: d.overdue, danger: d.overdue > 0 },
    { key: 'budget', title: t('projects.totalBudget'), value: yuan(d.budget, language) },
  ];
  return (
    <Row gutter={[8, 8]} style={{ marginBottom: 12 }} data-testid="project-summary">
      {items.map((i) => (
        <Col key={i.key} xs={12} sm={8} lg={{ flex: '1 1 0' }}>
          <Card size="small">
            <Statistic title={i.title} value={i.value} valueStyle={i.danger ? { color: '#cf1322' } : undefined} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function ProjectTable({
  query,
  list,
}: {
  query: Record<string, string | number | undefined>;
  list: ReturnType<typeof useListParams<(typeof FILTERS)[number]>>;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const projects = useProjects(query);
  const mobile = useIsMobile();
  if (projects.isError) return <LoadError error={projects.error} onRetry={() => void projects.refetch()} />;
  if (projects.isPending) return <Loading />;
  const pagination = {
    current: list.page,
    pageSize: list.pageSize,
    total: projects.data.total,
    showTotal: (n: number) => t('common.total', { count: n }),
    onChange: (p: number, s: number) => list.setPage(p, s),
  };
  if (mobile) {
    return (
      <List<ProjectView>
        data-testid="projects-list"
        dataSource={projects.data.items}
        pagination={{ ...pagination, simple: true, align: 'center' }}
        locale={{ emptyText: <EmptyState /> }}
        loading={projects.isFetching}
        renderItem={(p) => (
          <Card
            size="small"
            style={{ marginBottom: 8 }}
            onClick={() => navigate(`/cobuild/projects/${p.id}`)}
            hoverable
          >
            <Typography.Text strong>{p.name}</Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.communityName} · {p.endOn}
              </Typography.Text>
            </div>
            <ProgressBar project={p} />
            <Space size={4} wrap>
              <DomainTag value={p.domain} />
              <StatusTag value={p.status} />
              <OverdueTags project={p} />
            </Space>
          </Card>
        )}
      />
    );
  }
  return (
    <Card size="small">
      <Table<ProjectView>
        data-testid="projects-table"
        rowKey="id"
        size="middle"
        className="clickable-rows"
        loading={projects.isFetching}
        dataSource={projects.data.items}
        locale={{ emptyText: <EmptyState /> }}
        scroll={{ x: 'max-content' }}
        onRow={(r) =>
          ({
            onClick: () => navigate(`/cobuild/projects/${r.id}`),
            'data-testid': `project-row-${r.id}`,
          }) as HTMLAttributes<HTMLElement>
        }
        onChange={(_, __, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          list.setSort(sortParam(s?.columnKey, s?.order));
        }}
        pagination={pagination}
        columns={[
          {
            key: 'name',
            title: t('projects.name'),
            sorter: true,
            render: (_, p) => (
              <div style={{ maxWidth: 320 }}>
                <Typography.Text strong>{p.name}</Typography.Text>
                {p.childCount > 0 && (
                  <Typography.Text type="secondary">
                    {' '}
                    · {t('projects.children')} {p.childCount}
                  </Typography.Text>
                )}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.communityName}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          {
            key: 'domain',
            title: t('projects.domain'),
            responsive: ['md'],
            render: (_, p) => <DomainTag value={p.domain} />,
          },
          {
            key: 'units',
            title: t('projects.units'),
            responsive: ['lg'],
            render: (_, p) => (
              <div style={{ maxWidth: 260 }}>
                <UnitsCell project={p} />
              </div>
            ),
          },
          {
            key: 'endOn',
            title: t('projects.dates'),
            sorter: true,
            responsive: ['lg'],
            render: (_, p) => `${p.startOn} ~ ${p.endOn}`,
          },
          {
            key: 'progress',
            title: t('projects.progress'),
            sorter: true,
            render: (_, p) => <ProgressBar project={p} width={110} />,
          },
          {
            key: 'status',
            title: t('projects.status'),
            render: (_, p) => (
              <Space direction="vertical" size={4}>
                <StatusTag value={p.status} />
                <OverdueTags project={p} />
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

function PlanList({ query }: { query: Record<string, string | number | undefined> }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const plans = usePlans({ ...query, pageSize: 50 });
  if (plans.isError) return <LoadError error={plans.error} onRetry={() => void plans.refetch()} />;
  if (plans.isPending) return <Loading />;
  return (
    <Card size="small">
      <Table<PlanView>
        data-testid="plans-table"
        rowKey="id"
        size="middle"
        className="clickable-rows"
        dataSource={plans.data.items}
        pagination={false}
        locale={{ emptyText: <EmptyState /> }}
        onRow={(r) =>
          ({
            onClick: () => navigate(`/cobuild/projects/plan/${r.communityId}/${r.year}`),
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          { key: 'community', title: t('projects.community'), render: (_, p) => p.communityName },
          { key: 'year', title: t('projects.year'), responsive: ['md'], render: (_, p) => p.year },
          { key: 'status', title: t('projects.planStatus'), render: (_, p) => <PlanStatusTag value={p.status} /> },
          { key: 'count', title: t('projects.projectCount'), align: 'right', render: (_, p) => p.projectCount },
          {
            key: 'budget',
            title: t('projects.totalBudget'),
            align: 'right',
            responsive: ['md'],
            render: (_, p) => yuan(p.budget, language),
          },
          {
            key: 'progress',
            title: t('projects.averageProgress'),
            render: (_, p) => (
              <ProgressBar project={{ progress: p.averageProgress, status: 'in_progress' }} width={100} />
            ),
          },
        ]}
      />
    </Card>
  );
}
