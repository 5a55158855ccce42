import {
  ArrowLeftOutlined,
  CheckOutlined,
  PlusOutlined,
  RollbackOutlined,
  SendOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { runsCommunities } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { ExportButton } from '../../../ui/ExportButton';
import { useFeedback } from '../../../ui/feedback';
import { ImportDialog } from '../../../ui/LazyImportDialog';
import { formatDateTime } from '../../../ui/format';
import { EmptyState, LoadError, Loading } from '../../../ui/states';
import {
  DOMAINS,
  type PlanView,
  type ProjectSummary,
  type ProjectView,
  STATUSES,
  usePlans,
  useProjects,
  useProjectSummary,
  useProjectWrites,
} from './api';
import { DomainTag, OverdueTags, PlanStatusTag, ProgressBar, StatusTag, UnitsCell, yuan } from './parts';
import { ProjectForm } from './ProjectForm';
import { yearOptions } from './ProjectsPage';

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

  if (plans.isError)
    return (
      <div className="page">
        <LoadError error={plans.error} onRetry={() => void plans.refetch()} />
      </div>
    );
  if (plans.isPending)
    return (
      <div className="page">
        <Loading />
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
      {summary.data && <Breakdown summary={summary.data} />}
      <ProjectsByDomain projects={projects} />
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

function PlanBar({ plan }: { plan: PlanView }) {
  const { t, language } = useI18n();
  const { can, me } = useSession();
  const feedback = useFeedback();
  const { planAction } = useProjectWrites();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const act = async (action: 'submit' | 'approve' | 'return') => {
    try {
      await planAction.mutateAsync({
        id: plan.id,
        action,
        version: plan.version,
        reason: action === 'return' ? reason : undefined,
      });
      setReturning(false);
      feedback.success(t('common.saved'));
    } catch (err) {
      feedback.error(err);
    }
  };
  const manages = can('projects.write') && runsCommunities(me);
  const approves = can('projects.approve');
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      {plan.status === 'draft' && plan.returnReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('projects.returnedBecause', { reason: plan.returnReason })}
        />
      )}
      <Flex justify="space-between" wrap gap={8} align="center">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          style={{ flex: 1, minWidth: 260 }}
          items={[
            { key: 'count', label: t('projects.projectCount'), children: plan.projectCount },
            { key: 'budget', label: t('projects.totalBudget'), children: yuan(plan.budget, language) },
            { key: 'submitted', label: t('projects.submittedAt'), children: formatDateTime(plan.submittedAt) },
            { key: 'approved', label: t('projects.approvedAt'), children: formatDateTime(plan.approvedAt) },
          ]}
        />
        <Space wrap>
          {manages && plan.status === 'draft' && (
            <Popconfirm title={t('projects.submitConfirm')} onConfirm={() => void act('submit')}>
              <Button type="primary" icon={<SendOutlined />} data-testid="plan-submit">
                {t('projects.submit')}
              </Button>
            </Popconfirm>
          )}
          {approves && plan.status === 'submitted' && (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              onClick={() => void act('approve')}
              data-testid="plan-approve"
            >
              {t('projects.approve')}
            </Button>
          )}
          {approves && plan.status !== 'draft' && (
            <Button icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="plan-return">
              {t('projects.return')}
            </Button>
          )}
        </Space>
      </Flex>
      <Modal
        open={returning}
        title={t('projects.return')}
        onCancel={() => setReturning(false)}
        onOk={() => void act('return')}
        okButtonProps={{ disabled: !reason.trim() }}
        confirmLoading={planAction.isPending}
        okText={t('projects.return')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('projects.returnReason')}
        />
      </Modal>
    </Card>
  );
}

function Breakdown({ summary }: { summary: ProjectSummary }) {
  const { t } = useI18n();
  const domains = DOMAINS.map((d) => summary.byDomain.find((x) => x.domain === d)).filter(
    (x): x is ProjectSummary['byDomain'][number] => !!x,
  );
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('projects.byDomain')}>
          {domains.map((d) => (
            <Flex key={d.domain} align="center" gap={8} style={{ marginBottom: 4 }}>
              <div style={{ width: 120 }}>
                <DomainTag value={d.domain} />
              </div>
              <div style={{ width: 56, textAlign: 'right' }}>
                {d.done}/{d.total}
              </div>
              <div style={{ flex: 1 }}>
                <ProgressBar project={{ progress: d.averageProgress, status: 'in_progress' }} />
              </div>
            </Flex>
          ))}
          {domains.length === 0 && <EmptyState />}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('projects.byStatus')}>
          <Flex wrap gap={12}>
            {STATUSES.map((s) => (
              <Space key={s} direction="vertical" size={0} style={{ minWidth: 72 }}>
                <StatusTag value={s} />
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {summary.byStatus[s] ?? 0}
                </Typography.Title>
              </Space>
            ))}
          </Flex>
          <Typography.Text type="secondary">
            {t('projects.averageProgress')} {summary.averageProgress}% · {t('projects.overdueCount')} {summary.overdue}
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}

function ProjectsByDomain({ projects }: { projects: ReturnType<typeof useProjects> }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  if (projects.isError) return <LoadError error={projects.error} onRetry={() => void projects.refetch()} />;
  if (projects.isPending) return <Loading />;
  return (
    <Card size="small">
      <Table<ProjectView>
        rowKey="id"
        size="middle"
        className="clickable-rows"
        dataSource={projects.data.items}
        pagination={false}
        locale={{ emptyText: <EmptyState /> }}
        scroll={{ x: 'max-content' }}
        data-testid="plan-projects"
        onRow={(r) => ({ onClick: () => navigate(`/cobuild/projects/${r.id}`) }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'domain', title: t('projects.domain'), render: (_, p) => <DomainTag value={p.domain} /> },
          {
            key: 'name',
            title: t('projects.name'),
            render: (_, p) => (
              <>
                {p.name}
                {p.childCount > 0 && (
                  <Typography.Text type="secondary">
                    {' '}
                    · {t('projects.children')} {p.childCount}
                  </Typography.Text>
                )}
              </>
            ),
          },
          { key: 'units', title: t('projects.units'), responsive: ['lg'], render: (_, p) => <UnitsCell project={p} /> },
          {
            key: 'dates',
            title: t('projects.dates'),
            responsive: ['md'],
            render: (_, p) => `${p.startOn} ~ ${p.endOn}`,
          },
          { key: 'progress', title: t('projects.progress'), render: (_, p) => <ProgressBar project={p} width={100} /> },
          {
            key: 'status',
            title: t('projects.status'),
            render: (_, p) => (
              <>
                <StatusTag value={p.status} />
                <OverdueTags project={p} />
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
