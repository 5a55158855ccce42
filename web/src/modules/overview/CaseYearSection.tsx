import { countyWallClock } from '../../ui/clock';
import { Alert, Button, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n';
import { useStats } from '../cases/api';
import { dayEnd, dayStart } from '../cases/StatsCards';
import { FigureCards } from '../cases/FigureCards';

/** This year's article figures on the home page (居民说事, 吹哨 and the three 吹哨报到 rates), each a link to its cases. */
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
        <FigureCards figures={stats.data?.figures} period={range} loading={stats.isLoading} compact />
      )}
    </div>
  );
}
