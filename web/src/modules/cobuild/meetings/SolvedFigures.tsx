import { Card, Col, Row, Statistic } from 'antd';
import { useI18n } from '../../../i18n';
import { formatNumber } from '../../../ui/format';
import { useSolved } from './api';

/** 急事难事 solved: done resolution tasks of the year, with what is still open and overdue. */
export function SolvedFigures({ year }: { year: number }) {
  const { t } = useI18n();
  const q = useSolved({ year });
  const d = q.data;
  const cell = (title: string, value: number | undefined, colour?: string, testId?: string) => (
    <Col xs={8} md={6}>
      <Card size="small">
        <Statistic
          title={title}
          value={value === undefined ? '—' : formatNumber(value)}
          loading={q.isLoading}
          styles={{ content: { color: colour } }}
          data-testid={testId}
        />
      </Card>
    </Col>
  );
  return (
    <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
      {cell(t('meetings.solved'), d?.total, '#389e0d', 'meetings-solved')}
      {cell(t('meetings.openTasks'), d?.open)}
      {cell(t('meetings.overdueTasks'), d?.overdue, d?.overdue ? '#cf1322' : undefined, 'meetings-overdue')}
    </Row>
  );
}
