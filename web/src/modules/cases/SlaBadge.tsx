import { ClockCircleOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip } from 'antd';
import type { CaseSummary } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { formatDateTime, formatDuration } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { caseClocks, SLA_COLOURS, type SlaReading } from './sla';

/** One clock as a tag: "响应剩2小时", red when overdue, orange when due soon. */
export function SlaTag({ reading, testId }: { reading: SlaReading; testId?: string }) {
  const { t } = useI18n();
  const clock = t(reading.clock === 'response' ? 'sla.response' : 'sla.resolution');
  const time = formatDuration(reading.ms);
  const text =
    reading.state === 'overdue'
      ? t('sla.overdue', { clock, time })
      : reading.state === 'met'
        ? t('sla.metOnTime', { clock })
        : reading.state === 'late'
          ? t('sla.metLate', { clock })
          : t('sla.left', { clock, time });
  return (
    <Tooltip title={t('sla.dueAt', { clock, at: formatDateTime(reading.dueAt) })}>
      <Tag
        color={SLA_COLOURS[reading.state]}
        icon={
          reading.state === 'ok' || reading.state === 'soon' || reading.state === 'overdue' ? (
            <ClockCircleOutlined />
          ) : undefined
        }
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
  const all = caseClocks(c, now);
  const shown = running
    ? all.filter((r) => r.state === 'ok' || r.state === 'soon' || r.state === 'overdue' || r.state === 'late')
    : all;
  if (!shown.length) return <span className="muted">—</span>;
  return (
    <Space size={4} wrap data-testid={testId}>
      {shown.map((r) => (
        <SlaTag key={r.clock} reading={r} />
      ))}
    </Space>
  );
}
