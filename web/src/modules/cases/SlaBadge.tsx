import { ClockCircleOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip } from 'antd';
import type { CaseSummary } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { formatDateTime, formatDuration } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { caseClocks, isRunning, SLA_COLOURS, type SlaReading, shownClocks, slaTextKey } from './sla';

/** One clock as a tag: "响应剩2小时", red when overdue, orange when due soon. */
export function SlaTag({ reading, testId }: { reading: SlaReading; testId?: string }) {
  const { t } = useI18n();
  const clock = t(reading.clock === 'response' ? 'sla.response' : 'sla.resolution');
  const time = formatDuration(reading.ms);
  const text = t(slaTextKey(reading.state), { clock, time });
  return (
    <Tooltip title={t('sla.dueAt', { clock, at: formatDateTime(reading.dueAt) })}>
      <Tag
        color={SLA_COLOURS[reading.state]}
        icon={isRunning(reading.state) ? <ClockCircleOutlined /> : undefined}
        data-testid={testId}
        data-sla={reading.state}
        style={{ marginInlineEnd: 0 }}
      >
        {text}
      </Tag>
    </Tooltip>
  );
}

type ClockFields = Pick<
  CaseSummary,
  'status' | 'reportedAt' | 'responseDueAt' | 'resolutionDueAt' | 'acknowledgedAt' | 'resolvedAt' | 'mergedIntoId'
>;

/**
 * The case's clocks, recomputed every minute. `running` (lists) shows only the clocks still running, plus a grey
 * "late" tag for a clock that finished late; otherwise (the case page) every clock.
 */
export function SlaBadges({ c, running = false, testId }: { c: ClockFields; running?: boolean; testId?: string }) {
  const now = useNow();
  const shown = shownClocks(caseClocks(c, now), running);
  if (!shown.length) return <span className="muted">—</span>;
  return (
    <Space size={4} wrap data-testid={testId}>
      {shown.map((r) => (
        <SlaTag key={r.clock} reading={r} />
      ))}
    </Space>
  );
}
