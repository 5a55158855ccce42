import { Card, Col, Flex, Row, Space, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { EmptyState } from '../../../ui/states';
import { DOMAINS, type ProjectSummary, STATUSES } from './api';
import { DomainTag, ProgressBar, StatusTag } from './parts';

/** A plan's projects counted by domain (done of total, average progress) and by status. */
export function PlanBreakdown({ summary }: { summary: ProjectSummary }) {
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
