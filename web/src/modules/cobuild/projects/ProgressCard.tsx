import { Button, Card, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { type ProjectDetail, useProjectWrites } from './api';
import { ProgressBar } from './parts';

/** A project's progress, where it comes from, and the manual value where progress is kept by hand. */
export function ProgressCard({ project: p }: { project: ProjectDetail }) {
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
