import { App as AntApp, Button, Card, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { type PairChange, type PlanDetail, type PlanView, usePairingWrites } from './api';
import { ComparePanel } from './ComparePanel';
import { PairingMap } from './PairingMap';
import { PlanMatrix } from './PlanMatrix';
import { PlanSummary } from './PlanSummary';

export const STATUS_COLOUR: Record<PlanView['status'], string> = {
  draft: 'gold',
  adopted: 'green',
  superseded: 'default',
};

/** A draft plan's buttons: re-run, delete, adopt (each confirmed first; adopting a plan that breaks rules says how many). */
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

/** The selected plan: its summary, then the map, the matrix (where pairs are edited) or the comparison. */
export function PlanBody({
  plan,
  onRerun,
  onDeleted,
}: {
  plan: PlanDetail;
  onRerun: () => void;
  onDeleted: () => void;
}) {
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
