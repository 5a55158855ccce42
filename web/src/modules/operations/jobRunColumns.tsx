import type { ColumnsType } from 'antd/es/table';
import type { JobRun } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { useJobParts } from './jobParts';

/** The desktop table's columns: every figure of a job's runs in one row. */
export function useJobRunColumns(checkedAt: string): ColumnsType<JobRun> {
  const { t } = useI18n();
  const parts = useJobParts(checkedAt);
  return [
    { title: t('jobs.job'), key: 'job', width: 250, render: (_, j) => parts.title(j) },
    { title: t('jobs.state'), key: 'state', width: 80, render: (_, j) => parts.state(j) },
    { title: t('jobs.every'), key: 'every', width: 100, render: (_, j) => parts.every(j) },
    { title: t('jobs.lastRun'), key: 'lastRun', width: 150, render: (_, j) => parts.lastRun(j) },
    { title: t('jobs.duration'), key: 'duration', width: 80, align: 'right', render: (_, j) => parts.duration(j) },
    { title: t('jobs.runs'), key: 'runs', width: 80, align: 'right', render: (_, j) => formatNumber(j.runs) },
    {
      title: t('jobs.failures'),
      key: 'failures',
      width: 80,
      align: 'right',
      render: (_, j) => formatNumber(j.failures),
    },
    { title: t('jobs.lastError'), key: 'lastError', render: (_, j) => parts.lastError(j) },
    { title: t('jobs.ranBy'), key: 'ranBy', width: 120, render: (_, j) => j.ranBy ?? '—' },
  ];
}
