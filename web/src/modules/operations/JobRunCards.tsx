import { Card, Descriptions, Flex } from 'antd';
import type { JobRun } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { useJobParts } from './jobParts';

/** On a phone: one card a job, its state beside its name, the figures below (no table to scroll sideways). */
export function JobRunCards({ items, checkedAt }: { items: JobRun[]; checkedAt: string }) {
  const { t } = useI18n();
  const parts = useJobParts(checkedAt);
  return (
    <Flex vertical gap={8}>
      {items.map((j) => (
        <Card key={j.name} size="small" data-testid={`job-card-${j.name}`}>
          <Flex justify="space-between" align="start" gap={8}>
            {parts.title(j)}
            {parts.state(j)}
          </Flex>
          <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
            <Descriptions.Item label={t('jobs.lastRun')}>{parts.lastRun(j)}</Descriptions.Item>
            <Descriptions.Item label={t('jobs.every')}>{parts.every(j)}</Descriptions.Item>
            <Descriptions.Item label={t('jobs.duration')}>{parts.duration(j)}</Descriptions.Item>
            <Descriptions.Item label={t('jobs.runs')}>
              {formatNumber(j.runs)} / {t('jobs.failures')} {formatNumber(j.failures)}
            </Descriptions.Item>
            {j.lastError && <Descriptions.Item label={t('jobs.lastError')}>{parts.lastError(j)}</Descriptions.Item>}
            {j.ranBy && <Descriptions.Item label={t('jobs.ranBy')}>{j.ranBy}</Descriptions.Item>}
          </Descriptions>
        </Card>
      ))}
    </Flex>
  );
}
