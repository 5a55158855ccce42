import { Button, Card, Empty, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { countyWallClock } from '../../../ui/clock';
import { LoadError, Loading } from '../../../ui/states';
import { countyDay, timeRange, useActivities } from './api';
import { ActivityStateTag, useTypeName } from './ActivityTags';
import { type ActivityListParams, mondayOf, plusDays } from './activitiesList';

// Seven columns where they fit, fewer (down to one on a phone) where they do not.
const GRID = { display: 'grid', gap: 8, gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))' } as const;
const ITEM = { display: 'block', padding: '6px 0', borderBottom: '1px solid #f0f0f0', color: 'inherit' } as const;

/** A week of activities, Monday to Sunday, one column a day (stacked on a phone). */
export function WeekView({ list }: { list: ActivityListParams }) {
  const { t, language } = useI18n();
  const typeName = useTypeName();
  const today = countyWallClock().toISOString().slice(0, 10);
  const monday = list.filters.week ?? mondayOf(today);
  const sunday = plusDays(monday, 6);
  const rows = useActivities({
    communityId: list.filters.communityId,
    state: list.filters.state,
    from: monday,
    to: sunday,
    pageSize: 200,
    sort: 'startsAt',
  });
  const days = Array.from({ length: 7 }, (_, i) => plusDays(monday, i));
  const weekday = (day: string) =>
    new Intl.DateTimeFormat(language, { weekday: 'short', month: 'numeric', day: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${day}T00:00:00Z`),
    );
  return (
    <div data-testid="activities-week">
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Button onClick={() => list.setFilter('week', plusDays(monday, -7))}>{t('postActivities.prevWeek')}</Button>
        <Button onClick={() => list.setFilter('week', undefined)}>{t('postActivities.thisWeek')}</Button>
        <Button onClick={() => list.setFilter('week', plusDays(monday, 7))}>{t('postActivities.nextWeek')}</Button>
        <Typography.Text strong>{t('postActivities.weekOf', { from: monday, to: sunday })}</Typography.Text>
      </Flex>
      {rows.isError ? (
        <LoadError error={rows.error} onRetry={() => void rows.refetch()} />
      ) : rows.isPending ? (
        <Loading />
      ) : (
        <div style={GRID}>
          {days.map((day) => {
            const items = rows.data.items.filter((a) => countyDay(a.startsAt) === day);
            return (
              <Card
                key={day}
                size="small"
                title={weekday(day)}
                styles={day === today ? { header: { background: '#e6f4ff' } } : undefined}
              >
                {items.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('postActivities.nothingThisDay')} />
                ) : (
                  items.map((a) => (
                    <Link key={a.id} to={`/post-activities/${a.id}`} style={ITEM} data-testid={`week-${a.id}`}>
                      <Typography.Text type="secondary">{timeRange(a)}</Typography.Text>
                      <div>{a.title}</div>
                      <Typography.Text type="secondary">
                        {typeName(a)} · {t('postActivities.seats', { n: a.signupCount, capacity: a.capacity })}
                      </Typography.Text>
                      {a.state === 'cancelled' && <ActivityStateTag state={a.state} />}
                    </Link>
                  ))
                )}
              </Card>
            );
          })}
        </div>
      )}
    </div>
  );
}
