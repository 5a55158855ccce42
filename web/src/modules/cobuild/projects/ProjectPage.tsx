import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Row, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { LoadError, Loading } from '../../../ui/states';
import { useProject } from './api';
import { EvidenceCard } from './EvidenceCard';
import { MilestonesCard } from './MilestonesCard';
import { ProgressCard } from './ProgressCard';
import { OverdueTags, StatusTag } from './parts';
import { ProjectActions } from './ProjectActions';
import { ProjectChildren } from './ProjectChildren';
import { ProjectFacts } from './ProjectFacts';

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
        <ProjectActions project={p} />
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
          <ProjectFacts project={p} />
        </Col>
        <Col xs={24} lg={10}>
          <ProgressCard project={p} />
        </Col>
        <Col xs={24}>
          <MilestonesCard project={p} />
        </Col>
        {p.children.length > 0 && (
          <Col xs={24}>
            <ProjectChildren items={p.children} />
          </Col>
        )}
        <Col xs={24}>
          <EvidenceCard project={p} />
        </Col>
      </Row>
    </div>
  );
}
