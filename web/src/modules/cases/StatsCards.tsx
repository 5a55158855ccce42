import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import type { Dayjs } from 'dayjs';
import type { CaseStatsFigures } from '../../api/contracts';
import { PARTY_RED } from '../../app/theme';
import { useI18n } from '../../i18n';
import { formatNumber, formatPercent } from '../../ui/format';

export type CountKey = 'raised' | 'residentWhistles' | 'communityWhistles' | 'resolved' | 'overdue';
export type RateKey = 'responseRate' | 'resolutionRate' | 'satisfactionRate';
export const COUNT_KEYS: readonly CountKey[] = [
  'raised',
  'residentWhistles',
  'communityWhistles',
  'resolved',
  'overdue',
];
export const RATE_KEYS: readonly RateKey[] = ['responseRate', 'resolutionRate', 'satisfactionRate'];

/** The stats API takes local days (Asia/Shanghai), both included. */
export function dayStart(d: Dayjs): string {
  return d.format('YYYY-MM-DD');
}
export const dayEnd = dayStart;

/** The composite score on a 100-point scale (the server may send 0–1 or 0–100). */
export function formatScore(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return formatNumber(Math.round((v <= 1 ? v * 100 : v) * 10) / 10);
}

/** The KPI cards: five counts and three rates. */
export function StatsCards({
  totals,
  loading,
  compact = false,
}: {
  totals: CaseStatsFigures | undefined;
  loading: boolean;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const card = (key: CountKey | RateKey, value: string, warn = false) => (
    <Card size="small" className="stat-card" data-testid={`stats-${key}`}>
      {loading ? (
        <Skeleton active paragraph={false} />
      ) : (
        <Statistic
          title={t(`caseStats.${key}`)}
          value={value}
          styles={{ content: { color: warn ? '#cf1322' : PARTY_RED, fontSize: compact ? 20 : 24 } }}
        />
      )}
    </Card>
  );
  return (
    <Row gutter={[12, 12]}>
      {COUNT_KEYS.map((k) => (
        <Col key={k} xs={12} sm={8} md={6} xl={3}>
          {card(k, formatNumber(totals?.[k]), k === 'overdue' && (totals?.overdue ?? 0) > 0)}
        </Col>
      ))}
      {RATE_KEYS.map((k) => (
        <Col key={k} xs={12} sm={8} md={6} xl={3}>
          {card(k, formatPercent(totals?.[k]))}
        </Col>
      ))}
    </Row>
  );
}
