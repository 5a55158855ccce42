import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { formatNumber } from '../../../ui/format';
import { LoadError } from '../../../ui/states';
import { StarTag } from '../parts';
import type { HoursSummary } from './api';

/** The figures of the filters: volunteers per star level, hours, services held, residents served. */
export function SummaryCards({
  summary,
  error,
  onRetry,
}: {
  summary: HoursSummary | undefined;
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  if (error) return <LoadError error={error} onRetry={onRetry} compact />;
  const loading = !summary;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="vh-summary">
      <Col xs={12} lg={6}>
        <Card size="small" loading={loading}>
          <Statistic title={t('volunteers.hours.volunteers')} value={formatNumber(summary?.volunteers)} />
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card size="small" loading={loading}>
          <Statistic
            title={t('volunteers.hours.totalHours')}
            value={t('volunteers.hoursN', { n: formatNumber(summary?.totalHours) })}
          />
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card size="small" loading={loading}>
          <Statistic
            title={t('volunteers.hours.servicesHeld')}
            value={t('volunteers.hours.servicesUnit', { n: formatNumber(summary?.servicesHeld) })}
          />
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card size="small" loading={loading}>
          <Statistic title={t('volunteers.hours.residentsServed')} value={formatNumber(summary?.residentsServed)} />
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={t('volunteers.hours.starsTitle')} loading={loading}>
          <Flex wrap gap={16}>
            {(summary?.stars ?? []).map((n, level) => (
              <Flex key={level} vertical align="center" gap={4} style={{ minWidth: 90 }}>
                <StarTag star={level} />
                <Typography.Text strong style={{ fontSize: 20 }}>
                  {formatNumber(n)}
                </Typography.Text>
                {level > 0 && summary && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('volunteers.hoursN', { n: formatNumber(summary.starHours[level - 1]) })}
                  </Typography.Text>
                )}
              </Flex>
            ))}
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}
