import { Space, Tag, Tooltip, Typography } from 'antd';
import type { JobRun } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { formatCountyDateTime } from '../../ui/format';
import { ago, type Span, spanOf, STATE_COLOURS } from './jobRuns';

/** The pieces of a job's row, shared by the desktop table and the phone cards. */
export function useJobParts(checkedAt: string) {
  const { t } = useI18n();
  const span = (s: Span) => t(`jobs.span.${s.unit}`, { n: s.n });
  const when = (iso: string | null) => {
    const since = ago(checkedAt, iso);
    if (!since) return null;
    return since.span ? t('jobs.ago', { span: span(since.span) }) : t('jobs.justNow');
  };
  return {
    title: (j: JobRun) => (
      <Space direction="vertical" size={0}>
        <Typography.Text strong>{t(`jobs.names.${j.name}.name`)}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`jobs.names.${j.name}.description`)}
        </Typography.Text>
        <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
          {j.name}
        </Typography.Text>
      </Space>
    ),
    state: (j: JobRun) => {
      const databases = j.databases.map((d) => t(`jobs.databases.${d}`)).join(' / ');
      const tag = (
        <Tag color={STATE_COLOURS[j.state]} data-testid={`job-state-${j.name}`}>
          {t(`jobs.states.${j.state}`)}
        </Tag>
      );
      return j.offReason ? <Tooltip title={t(`jobs.offReasons.${j.offReason}`, { databases })}>{tag}</Tooltip> : tag;
    },
    every: (j: JobRun) => (j.offReason === 'setting' ? '—' : t('jobs.everySpan', { span: span(spanOf(j.everyMs)) })),
    lastRun: (j: JobRun) =>
      j.lastRunAt ? (
        <Space direction="vertical" size={0}>
          <span>{when(j.lastRunAt)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatCountyDateTime(j.lastRunAt)}
          </Typography.Text>
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('jobs.never')}</Typography.Text>
      ),
    duration: (j: JobRun) => (j.lastDurationMs === null ? '—' : span(spanOf(j.lastDurationMs))),
    lastError: (j: JobRun) =>
      j.lastError ? (
        <div style={{ minWidth: 0 }}>
          <Typography.Paragraph
            type={j.lastOk === false ? 'danger' : 'secondary'}
            ellipsis={{ rows: 2, tooltip: j.lastError }}
            style={{ margin: 0, wordBreak: 'break-word' }}
          >
            {j.lastError}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('jobs.lastFailedAt', { time: when(j.lastFailedAt) ?? '—' })}
          </Typography.Text>
        </div>
      ) : (
        '—'
      ),
  };
}
