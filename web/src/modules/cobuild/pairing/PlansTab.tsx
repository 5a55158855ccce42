import { App as AntApp, Button, Card, Col, List, Row, Segmented, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { formatDateTime } from '../../../ui/format';
import { EmptyState, LoadError, Loading } from '../../../ui/states';
import { type PairChange, type PlanDetail, type PlanView, usePairingWrites, usePlan, usePlans } from './api';
import { ComparePanel } from './ComparePanel';
import { PairingMap } from './PairingMap';
import { PlanMatrix } from './PlanMatrix';
import { PlanSummary } from './PlanSummary';
import { SettingsDrawer } from './SettingsDrawer';

const STATUS_COLOUR: Record<PlanView['status'], string> = { draft: 'gold', adopted: 'green', superseded: 'default' };

function PlanActions({ plan, onRerun, onDeleted }: { plan: PlanDetail; onRerun: () => void; onDeleted: () => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const writes = usePairingWrites();
  const { modal } = AntApp.useApp();
  if (plan.status !== 'draft') return null;
  const adopt = () => {
    const broken = plan.violations.length;
    modal.confirm({
      title: t('pairing.adopt'),
      okText: t('pairing.adopt'),
      content: broken
        ? t('pairing.adoptViolations', { count: broken })
        : t('pairing.adoptConfirm', { year: plan.year, name: plan.name }),
      onOk: async () => {
        try {
          await writes.adopt.mutateAsync({ id: plan.id, version: plan.version, acceptViolations: broken > 0 });
          feedback.success(t('pairing.adopted'));
        } catch (err) {
          feedback.error(err);
        }
      },
    });
  };
  const remove = () =>
    modal.confirm({
      title: t('pairing.deleteDraft'),
      content: t('pairing.deleteConfirm'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await writes.remove.mutateAsync(plan.id);
          feedback.success(t('pairing.deleted'));
          onDeleted();
        } catch (err) {
          feedback.error(err);
        }
      },
    });
  return (
    <Space wrap>
      <Button onClick={onRerun}>{t('pairing.rerun')}</Button>
      <Button danger onClick={remove}>
        {t('pairing.deleteDraft')}
      </Button>
      <Button type="primary" onClick={adopt} data-testid="adopt-plan">
        {t('pairing.adopt')}
      </Button>
    </Space>
  );
}

function PlanBody({ plan, onRerun, onDeleted }: { plan: PlanDetail; onRerun: () => void; onDeleted: () => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const writes = usePairingWrites();
  const [view, setView] = useState<'map' | 'matrix' | 'compare'>('map');
  const change = async (c: PairChange) => {
    try {
      await writes.edit.mutateAsync({ id: plan.id, version: plan.version, changes: [c] });
      feedback.success(t('pairing.edit.saved'));
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Card
      size="small"
      data-testid="plan-body"
      title={
        <Space wrap>
          <span>{plan.name}</span>
          <Tag color={STATUS_COLOUR[plan.status]}>{t(`pairing.status.${plan.status}`)}</Tag>
          {plan.solve && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {plan.solve.ms} ms · {t(`pairing.solveStatus.${plan.solve.status}`)}
            </Typography.Text>
          )}
        </Space>
      }
      extra={<PlanActions plan={plan} onRerun={onRerun} onDeleted={onDeleted} />}
    >
      <PlanSummary plan={plan} />
      <Segmented
        style={{ margin: '12px 0' }}
        value={view}
        onChange={(v) => setView(v as typeof view)}
        data-testid="plan-view"
        options={[
          { value: 'map', label: t('pairing.view.map') },
          { value: 'matrix', label: t('pairing.view.matrix') },
          { value: 'compare', label: t('pairing.compare.title') },
        ]}
      />
      {view === 'map' && <PairingMap plan={plan} />}
      {view === 'matrix' && <PlanMatrix plan={plan} onChange={(c) => void change(c)} busy={writes.edit.isPending} />}
      {view === 'compare' && <ComparePanel planId={plan.id} />}
    </Card>
  );
}

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
