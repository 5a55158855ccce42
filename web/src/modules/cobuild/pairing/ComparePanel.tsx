import { Alert, Col, Row, Table, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { LoadError, Loading } from '../../../ui/states';
import { ObjectiveCards } from './PlanSummary';
import { useCompare } from './api';

/** This plan beside the adopted plan of its year: objective per principle side by side, and the units that move. */
export function ComparePanel({ planId }: { planId: string }) {
  const { t } = useI18n();
  const cmp = useCompare(planId, true);
  if (cmp.isLoading) return <Loading />;
  if (cmp.isError) return <LoadError error={cmp.error} compact onRetry={() => void cmp.refetch()} />;
  const c = cmp.data;
  if (!c) return null;
  if (!c.other) return <Alert type="info" showIcon message={t('pairing.compare.none')} />;
  return (
    <div data-testid="compare-panel">
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Typography.Text strong>
            {t('pairing.compare.this')}：{c.plan.name}
          </Typography.Text>
          {c.plan.objective && <ObjectiveCards objective={c.plan.objective} compact />}
        </Col>
        <Col xs={24} xl={12}>
          <Typography.Text strong>
            {t('pairing.compare.other')}：{c.other.name}
          </Typography.Text>
          {c.other.objective && <ObjectiveCards objective={c.other.objective} compact />}
        </Col>
      </Row>
      <Typography.Paragraph style={{ margin: '12px 0 4px' }}>
        {c.moved.length ? t('pairing.compare.moved', { count: c.moved.length }) : t('pairing.compare.noMoves')}
        <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
          {t('pairing.compare.unchanged', { count: c.unchanged })}
        </Typography.Text>
      </Typography.Paragraph>
      {c.moved.length > 0 && (
        <Table
          size="small"
          rowKey="unitId"
          dataSource={c.moved}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          scroll={{ x: 480 }}
          columns={[
            { key: 'unit', title: t('pairing.compare.unit'), dataIndex: 'unitName' },
            {
              key: 'from',
              title: t('pairing.compare.from'),
              dataIndex: 'from',
              render: (v: string[]) => v.join('、') || '—',
            },
            {
              key: 'to',
              title: t('pairing.compare.to'),
              dataIndex: 'to',
              render: (v: string[]) => v.join('、') || '—',
            },
          ]}
        />
      )}
    </div>
  );
}
