import { Progress, Tag, Typography } from 'antd';
import type { Breakpoint } from 'antd/es/_util/responsiveObserver';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { useI18n } from '../../../i18n';
import { formatDateTime, formatNumber, formatPercent } from '../../../ui/format';
import type { ClassifierOverview, ModelVersion } from './api';

type T = ReturnType<typeof useI18n>['t'];
type Metrics = NonNullable<ModelVersion['metrics']>;
type MetricKey = Exclude<keyof Metrics, 'size'>;

const STATUS_COLOURS: Record<ModelVersion['status'], string> = {
  training: 'processing',
  active: 'success',
  retired: 'default',
  rejected: 'warning',
  failed: 'error',
};

export const METRIC_KEYS: MetricKey[] = ['topLevelTop1', 'topLevelTop3', 'top1', 'top3'];

/** A version's figure beside the in-use model's on the same texts, so "not worse" can be read off the row. */
function metricCell(v: ModelVersion, k: MetricKey, t: T) {
  if (!v.metrics) return '—';
  return (
    <span>
      {formatPercent(v.metrics[k])}
      {v.baselineMetrics && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('classifier.vsInUse', { value: formatPercent(v.baselineMetrics[k]) })}
        </Typography.Text>
      )}
    </span>
  );
}

export function versionColumns(t: T): ColumnsType<ModelVersion> {
  return [
    { key: 'id', title: '#', dataIndex: 'id', width: 56 },
    {
      key: 'status',
      title: t('classifier.versions'),
      width: 130,
      render: (_, v) =>
        v.status === 'training' ? (
          <Progress percent={v.progress} size="small" data-testid="classifier-progress" />
        ) : (
          <Tag color={STATUS_COLOURS[v.status]} title={v.error ?? undefined}>
            {t(`classifier.status.${v.status}`)}
          </Tag>
        ),
    },
    {
      key: 'requestedAt',
      title: t('classifier.requestedAt'),
      width: 170,
      render: (_, v) => formatDateTime(v.requestedAt),
    },
    {
      key: 'examples',
      title: t('classifier.examples'),
      responsive: ['lg'],
      render: (_, v) =>
        t('classifier.examplesValue', {
          shipped: formatNumber(v.shippedExamples),
          corrections: formatNumber(v.corrections),
        }),
    },
    ...METRIC_KEYS.map((k) => ({
      key: k,
      title: t(`classifier.${k}`),
      width: 120,
      responsive: k.endsWith('3') ? (['md'] as Breakpoint[]) : undefined,
      render: (_: unknown, v: ModelVersion) => metricCell(v, k, t),
    })),
    {
      key: 'duration',
      title: t('classifier.duration'),
      width: 90,
      responsive: ['lg'],
      render: (_, v) =>
        v.durationMs === null ? '—' : t('classifier.seconds', { s: (v.durationMs / 1000).toFixed(1) }),
    },
  ];
}

type Correction = ClassifierOverview['latestCorrections'][number];

export function correctionColumns(t: T, nameOf: (code: string | null) => string): ColumnsType<Correction> {
  return [
    {
      key: 'case',
      title: t('classifier.caseNumber'),
      width: 150,
      render: (_, c) => <Link to={`/cases/${c.caseId}`}>{c.caseNumber}</Link>,
    },
    { key: 'suggested', title: t('classifier.suggested'), ellipsis: true, render: (_, c) => nameOf(c.suggestedCode) },
    { key: 'corrected', title: t('classifier.corrected'), ellipsis: true, render: (_, c) => nameOf(c.correctedCode) },
    {
      key: 'at',
      title: t('classifier.correctedAt'),
      width: 170,
      responsive: ['md'],
      render: (_, c) => formatDateTime(c.correctedAt),
    },
  ];
}
