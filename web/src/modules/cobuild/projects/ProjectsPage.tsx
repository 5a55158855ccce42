import { PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ownOrgOf, runsCommunities } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { ExportButton } from '../../../ui/ExportButton';
import { ListPage } from '../../../ui/ListPage';
import { useListParams } from '../../../ui/useListParams';
import { usePlans } from './api';
import { PlanList } from './PlanList';
import { ProjectFilters } from './ProjectFilters';
import { ProjectForm } from './ProjectForm';
import { ProjectTable } from './ProjectTable';
import { PROJECT_FILTERS, thisYear } from './projectsList';
import { SummaryCards } from './SummaryCards';

/** 共建项目清单: the list with filters and progress, the community plans, and for a unit admin its own projects. */
export default function ProjectsPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const list = useListParams(PROJECT_FILTERS);
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

  const filters = <ProjectFilters list={list} year={year} view={view} ownCommunity={ownCommunity} ownUnit={ownUnit} />;

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
