import { Button, Col, List, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { formatDateTime } from '../../../ui/format';
import { EmptyState, LoadError, Loading } from '../../../ui/states';
import { usePairingWrites, usePlan, usePlans } from './api';
import { PlanBody, STATUS_COLOUR } from './PlanBody';
import { SettingsDrawer } from './SettingsDrawer';

/** The county's plans of a year (adopted first), the selected plan in detail, and the optimiser. */
export function PlansTab({ year }: { year: number }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const plans = usePlans(year);
  const writes = usePairingWrites();
  const [selected, setSelected] = useState<string>();
  const [drawer, setDrawer] = useState<'run' | 'rerun' | null>(null);
  const items = plans.data?.items ?? [];
  const adopted = items.find((p) => p.status === 'adopted');
  const current = selected && items.some((p) => p.id === selected) ? selected : (adopted ?? items[0])?.id;
  const plan = usePlan(current);
  useEffect(() => setSelected(undefined), [year]);
  const copy = async () => {
    if (!adopted) return;
    try {
      const p = await writes.create.mutateAsync({
        year,
        name: t('pairing.copyName', { name: adopted.name }),
        copyFromPlanId: adopted.id,
      });
      setSelected(p.id);
    } catch (err) {
      feedback.error(err);
    }
  };
  if (plans.isError) return <LoadError error={plans.error} onRetry={() => void plans.refetch()} />;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={6}>
        <Space wrap style={{ marginBottom: 8 }}>
          <Button type="primary" onClick={() => setDrawer('run')} data-testid="open-run">
            {t('pairing.run')}
          </Button>
          {adopted && (
            <Button onClick={() => void copy()} loading={writes.create.isPending}>
              {t('pairing.copyAdopted')}
            </Button>
          )}
        </Space>
        {plans.isLoading ? (
          <Loading />
        ) : (
          <List
            size="small"
            bordered
            dataSource={items}
            locale={{ emptyText: t('pairing.noPlans') }}
            data-testid="plan-list"
            renderItem={(p) => (
              <List.Item
                onClick={() => setSelected(p.id)}
                style={{ cursor: 'pointer', background: p.id === current ? '#fff4ee' : undefined }}
              >
                <div style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>{p.name}</Typography.Text>
                    <Tag color={STATUS_COLOUR[p.status]}>{t(`pairing.status.${p.status}`)}</Tag>
                  </Space>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('pairing.pairCount', { count: p.pairCount })} · {t('pairing.total')}{' '}
                      {p.objective?.total.toFixed(4) ?? '—'} · {formatDateTime(p.adoptedAt ?? p.createdAt)}
                    </Typography.Text>
                  </div>
                </div>
              </List.Item>
            )}
          />
        )}
      </Col>
      <Col xs={24} xl={18}>
        {!current ? (
          <EmptyState description={t('pairing.noPlans')} />
        ) : plan.isLoading ? (
          <Loading minHeight={300} />
        ) : plan.isError ? (
          <LoadError error={plan.error} onRetry={() => void plan.refetch()} />
        ) : (
          plan.data && (
            <PlanBody plan={plan.data} onRerun={() => setDrawer('rerun')} onDeleted={() => setSelected(undefined)} />
          )
        )}
      </Col>
      <SettingsDrawer
        year={year}
        open={drawer !== null}
        onClose={() => setDrawer(null)}
        rerun={drawer === 'rerun' ? plan.data : undefined}
        onDone={(p) => {
          setSelected(p.id);
          setDrawer(null);
        }}
      />
    </Row>
  );
}
