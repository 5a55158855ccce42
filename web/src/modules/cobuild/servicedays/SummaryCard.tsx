import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { LoadError } from '../../../ui/states';
import { type DaySummary, type ServiceDayDetail, useDayPart } from './api';
import { KindTags } from './DayTags';

/** The day's figures, computed by the server from sign-ups and check-ins. */
export function SummaryCard({ day }: { day: ServiceDayDetail }) {
  const { t } = useI18n();
  const summary = useDayPart<DaySummary>(day.id, 'summary');
  if (summary.isError) return <LoadError compact error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  return (
    <Card size="small" title={t('servicedays.summaryTitle')} loading={summary.isPending} data-testid="sd-summary">
      {s && (
        <>
          <Row gutter={[16, 12]}>
            <Col xs={12} md={6}>
              <Statistic title={t('servicedays.signups')} value={s.signups} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('servicedays.headcount')} value={s.headcountPromised} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('servicedays.checkins')}
                value={s.checkedIn}
                suffix={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('servicedays.byQr', { n: s.checkedInByQr })}
                  </Typography.Text>
                }
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('servicedays.peopleServed')} value={s.peopleServed ?? '—'} />
            </Col>
          </Row>
          {s.kinds.length > 0 && (
            <div style={{ marginTop: 12 }}>
              <Typography.Text type="secondary">{t('servicedays.kindsCovered')}：</Typography.Text>
              <KindTags codes={s.kinds.map((k) => k.code)} />
            </div>
          )}
        </>
      )}
    </Card>
  );
}
