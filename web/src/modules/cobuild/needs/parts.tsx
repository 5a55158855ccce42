import { Tag } from 'antd';
import { useI18n } from '../../../i18n';
import { formatNumber } from '../../../ui/format';
import type { MeasureUnit } from './api';

/** Small pieces shared by the needs pages: priority and status tags, amounts with their unit. */
export const PRIORITY_COLOURS: Record<number, string> = {
  1: '#8c8c8c',
  2: '#1677ff',
  3: '#faad14',
  4: '#fa541c',
  5: '#cf1322',
};
const STATUS_COLOURS: Record<string, string> = {
  open: 'default',
  matched: 'processing',
  in_progress: 'blue',
  met: 'success',
  closed: 'default',
};
const MATCH_COLOURS: Record<string, string> = { proposed: 'processing', accepted: 'success', rejected: 'default' };
const TASK_COLOURS: Record<string, string> = {
  open: 'default',
  in_progress: 'processing',
  done: 'success',
  cancelled: 'default',
};

export function PriorityTag({ value }: { value: number }) {
  const { t } = useI18n();
  return (
    <Tag color={PRIORITY_COLOURS[value]} data-testid={`priority-${value}`}>
      {t(`needs.priorities.p${value}` as 'needs.priorities.p1')}
    </Tag>
  );
}

export function NeedStatusTag({ value }: { value: string }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOURS[value]}>{t(`needs.statuses.${value as 'open'}`)}</Tag>;
}

export function MatchStatusTag({ value }: { value: string }) {
  const { t } = useI18n();
  return <Tag color={MATCH_COLOURS[value]}>{t(`needs.match.statuses.${value as 'proposed'}`)}</Tag>;
}

export function TaskStatusTag({ value, overdue }: { value: string; overdue?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={TASK_COLOURS[value]}>{t(`needs.task.statuses.${value as 'open'}`)}</Tag>
      {overdue && <Tag color="error">{t('needs.task.overdue')}</Tag>}
    </>
  );
}

export function useAmount() {
  const { t } = useI18n();
  return (n: number, unit: MeasureUnit) => `${formatNumber(n)} ${t(`needs.units.${unit}`)}`;
}
