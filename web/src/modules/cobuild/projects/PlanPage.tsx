import { ArrowLeftOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { runsCommunities } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { ExportButton } from '../../../ui/ExportButton';
import { ImportDialog } from '../../../ui/LazyImportDialog';
import { LoadError, Loading } from '../../../ui/states';
import { usePlans, useProjects, useProjectSummary, useProjectWrites } from './api';
import { PlanBar } from './PlanBar';
import { PlanBreakdown } from './PlanBreakdown';
import { PlanProjects } from './PlanProjects';
import { PlanStatusTag } from './parts';
import { ProjectForm } from './ProjectForm';
import { yearOptions } from './projectsList';

/** A community's annual plan: status and approval, projects by domain and status, import and export. */
export default function PlanPage() {
  const { communityId = '', year: yearParam = '' } = useParams();
  const year = Number(yearParam);
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = { communityId, year };
  const plans = usePlans(query);
  const summary = useProjectSummary(query);
  const projects = useProjects({ ...query, topLevel: 'true', pageSize: 200, sort: 'domain' });
  const { can, me } = useSession();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const writes = useProjectWrites();
  const plan = plans.data?.items[0];
  const community = plan?.communityName ?? projects.data?.items[0]?.communityName ?? '';
  const manages = can('projects.write') && runsCommunities(me);
  const editable = manages && (!plan || plan.status === 'draft' || can('projects.approve'));

  if (plans.isError || plans.isPending)
    return (
      <div className="page">
        {plans.isError ? <LoadError error={plans.error} onRetry={() => void plans.refetch()} /> : <Loading />}
      </div>
    );
  return (
    <div className="page" data-testid="plan-page">
      <Flex className="page-head" justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Link to="/cobuild/projects?view=plans">
            <Button icon={<ArrowLeftOutlined />} aria-label={t('projects.back')} />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('projects.planOf', { community, year })}
          </Typography.Title>
          {plan && <PlanStatusTag value={plan.status} />}
          <Select
            size="small"
            value={String(year)}
            options={yearOptions()}
            onChange={(v) => navigate(`/cobuild/projects/plan/${communityId}/${v}`)}
          />
        </Space>
        <Space wrap>
          <ExportButton path="/project-plans/export.xlsx" query={query} fileName={`plan-${year}.xlsx`} />
          {editable && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="plan-import">
              {t('projects.import')}
            </Button>
          )}
          {editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('projects.newProject')}
            </Button>
          )}
        </Space>
      </Flex>
      {plan ? (
        <PlanBar plan={plan} />
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('projects.noPlan')}
          action={
            manages ? (
              <Button
                size="small"
                onClick={() => void writes.createPlan.mutateAsync({ communityId, year }).catch(() => undefined)}
              >
                {t('projects.createPlan')}
              </Button>
            ) : undefined
          }
        />
      )}
      {summary.data && <PlanBreakdown summary={summary.data} />}
      <PlanProjects projects={projects} />
      {creating && <ProjectForm open onClose={() => setCreating(false)} communityId={communityId} year={year} />}
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        basePath="/project-plans"
        what={t('projects.plan')}
        templateName={`plan-template-${year}.xlsx`}
        query={query}
        onImported={() => void writes.invalidate()}
      />
    </div>
  );
}
