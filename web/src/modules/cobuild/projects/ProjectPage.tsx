import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { LoadError, Loading } from '../../../ui/states';
import { type ProjectDetail, type ProjectView, useProject, useProjectWrites } from './api';
import { EvidenceCard } from './EvidenceCard';
import { MilestonesCard } from './MilestonesCard';
import { DomainTag, OverdueTags, PlanStatusTag, ProgressBar, StatusTag, UnitsCell, yuan } from './parts';
import { ProjectForm } from './ProjectForm';

/** One project: its facts, progress (and where it comes from), milestones, sub-projects and evidence. */
export default function ProjectPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const q = useProject(id);
  if (q.isError)
    return (
      <div className="page">
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      </div>
    );
  if (q.isPending)
    return (
      <div className="page">
        <Loading />
      </div>
    );
  const p = q.data;
  return (
    <div className="page" data-testid="project-page">
      <Flex className="page-head" justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Link to={p.parentId ? `/cobuild/projects/${p.parentId}` : '/cobuild/projects'}>
            <Button icon={<ArrowLeftOutlined />} aria-label={t('projects.back')} />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {p.name}
          </Typography.Title>
          <StatusTag value={p.status} />
          <OverdueTags project={p} />
        </Space>
        <Actions project={p} />
      </Flex>
      {p.status === 'cancelled' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${t('projects.statuses.cancelled')}：${p.cancelReason ?? ''}`}
        />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Facts project={p} />
        </Col>
        <Col xs={24} lg={10}>
          <ProgressCard project={p} />
        </Col>
        <Col xs={24}>
          <MilestonesCard project={p} />
        </Col>
        {p.children.length > 0 && (
          <Col xs={24}>
            <Children items={p.children} />
          </Col>
        )}
        <Col xs={24}>
          <EvidenceCard project={p} />
        </Col>
      </Row>
    </div>
  );
}

function Facts({ project: p }: { project: ProjectDetail }) {
  const { t, language } = useI18n();
  return (
    <Card size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'community',
            label: t('projects.community'),
            children: (
              <Link to={`/cobuild/projects/plan/${p.communityId}/${p.year}`}>
                {p.communityName} · {p.year}
              </Link>
            ),
          },
          { key: 'plan', label: t('projects.planStatus'), children: <PlanStatusTag value={p.planStatus} /> },
          { key: 'domain', label: t('projects.domain'), children: <DomainTag value={p.domain} /> },
          { key: 'dates', label: t('projects.dates'), children: `${p.startOn} ~ ${p.endOn}` },
          { key: 'budget', label: t('projects.budget'), children: yuan(p.budget, language) },
          ...(p.parentId
            ? [
                {
                  key: 'parent',
                  label: t('projects.parent'),
                  children: <Link to={`/cobuild/projects/${p.parentId}`}>{p.parentName}</Link>,
                },
              ]
            : []),
          { key: 'units', label: t('projects.units'), span: 'filled' as const, children: <UnitsCell project={p} /> },
          { key: 'resources', label: t('projects.resources'), span: 'filled' as const, children: p.resources ?? '—' },
          {
            key: 'description',
            label: t('projects.description'),
            span: 'filled' as const,
            children: p.description ?? '—',
          },
        ]}
      />
    </Card>
  );
}

function ProgressCard({ project: p }: { project: ProjectDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { update } = useProjectWrites();
  const [value, setValue] = useState<number | null>(p.manualProgress ?? p.progress);
  const manual = p.progressSource === 'manual' && p.can.track;
  const save = async () => {
    try {
      await update.mutateAsync({ id: p.id, version: p.version, manualProgress: value ?? 0 });
      feedback.success(t('common.saved'));
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Card size="small" title={t('projects.progress')}>
      <ProgressBar project={p} />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
        {t(`projects.progressFrom_${p.progressSource}`)}
      </Typography.Paragraph>
      {manual && (
        <Space>
          <InputNumber
            min={0}
            max={100}
            value={value}
            onChange={setValue}
            addonAfter="%"
            data-testid="manual-progress"
          />
          <Button onClick={() => void save()} loading={update.isPending}>
            {t('projects.saveProgress')}
          </Button>
        </Space>
      )}
      {p.nextDueOn && (
        <div>
          <Typography.Text type="secondary">
            {t('projects.nextDue')}：{p.nextDueOn}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}

function Children({ items }: { items: ProjectView[] }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  return (
    <Card size="small" title={`${t('projects.children')}（${items.length}）`}>
      <Table<ProjectView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        className="clickable-rows"
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ onClick: () => navigate(`/cobuild/projects/${r.id}`) }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('projects.name'), render: (_, c) => c.name },
          {
            key: 'budget',
            title: t('projects.budget'),
            align: 'right',
            responsive: ['md'],
            render: (_, c) => yuan(c.budget, language),
          },
          { key: 'progress', title: t('projects.progress'), render: (_, c) => <ProgressBar project={c} width={100} /> },
          {
            key: 'status',
            title: t('projects.status'),
            render: (_, c) => (
              <>
                <StatusTag value={c.status} />
                <OverdueTags project={c} />
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Actions({ project: p }: { project: ProjectDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const { cancel, remove } = useProjectWrites();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const doCancel = async () => {
    try {
      await cancel.mutateAsync({ id: p.id, version: p.version, reason });
      setCancelling(false);
      feedback.success(t('common.saved'));
    } catch (err) {
      feedback.error(err);
    }
  };
  const doDelete = async () => {
    try {
      await remove.mutateAsync(p.id);
      navigate('/cobuild/projects');
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Space wrap>
      {p.can.editPlanFields && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="project-edit">
          {t('projects.editProject')}
        </Button>
      )}
      {p.can.cancel && (
        <Button icon={<StopOutlined />} onClick={() => setCancelling(true)} data-testid="project-cancel">
          {t('projects.cancelProject')}
        </Button>
      )}
      {p.can.editPlanFields && p.planStatus === 'draft' && (
        <Popconfirm title={t('projects.deleteConfirm')} onConfirm={() => void doDelete()}>
          <Button danger icon={<DeleteOutlined />}>
            {t('projects.deleteProject')}
          </Button>
        </Popconfirm>
      )}
      {editing && <ProjectForm open onClose={() => setEditing(false)} year={p.year} project={p} />}
      <Modal
        open={cancelling}
        title={t('projects.cancelProject')}
        onCancel={() => setCancelling(false)}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        onOk={() => void doCancel()}
        confirmLoading={cancel.isPending}
        okText={t('projects.cancelProject')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('projects.cancelConfirm')}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('projects.cancelReason')}
        />
      </Modal>
    </Space>
  );
}
