import { countyWallClock } from '../../ui/clock';
import { Alert, Button, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n';
import { useStats } from '../cases/api';
import { dayEnd, dayStart, StatsCards } from '../cases/StatsCards';

/** This year's counts and the three rates on the home page (county and community administrations). */
export function CaseYearSection() {
  const { t } = useI18n();
  const range = useMemo(
    () => ({ from: dayStart(dayjs(countyWallClock()).startOf('year')), to: dayEnd(dayjs(countyWallClock())) }),
    [],
  );
  const stats = useStats({ ...range, groupBy: 'month' });
  return (
    <div data-testid="overview-cases">
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('caseStats.thisYear')}</Typography.Text>
        <Link to="/cases/stats">
          <Button type="link" size="small">
            {t('caseStats.viewStats')}
          </Button>
        </Link>
      </Flex>
      {stats.isError ? (
        <Alert
          type="warning"
          showIcon
          title={
            stats.error instanceof ApiError && stats.error.status === 404
              ? t('caseStats.unavailable')
              : stats.error.message
          }
        />
      ) : (
        <StatsCards totals={stats.data?.totals} loading={stats.isLoading} compact />
      )}
    </div>
  );
}
