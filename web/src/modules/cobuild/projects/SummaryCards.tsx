import { Card, Col, Row, Statistic } from 'antd';
import { useI18n } from '../../../i18n';
import { useProjectSummary } from './api';
import { yuan } from './parts';

/** The figures above the projects list: count, average progress, done, overdue and budget. */
export function SummaryCards({ query }: { query: Record<string, string | undefined> }) {
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
