import { countyWallClock } from '../../../ui/clock';
import { Badge, Calendar, Popover } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useIsMobile } from '../../../ui/useIsMobile';
import { LoadError } from '../../../ui/states';
import { type ServiceDayView, useServiceDays } from './api';

const BADGE: Record<ServiceDayView['status'], 'processing' | 'success' | 'default'> = {
  scheduled: 'processing',
  held: 'success',
  cancelled: 'default',
};

/** The month's days on a calendar; a click opens the day. */
export function DayCalendar({ communityId }: { communityId?: string }) {
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [month, setMonth] = useState<Dayjs>(() => dayjs(countyWallClock()));
  const days = useServiceDays({
    year: month.year(),
    month: month.month() + 1,
    communityId,
    pageSize: 200,
    sort: 'startsAt',
  });
  if (days.isError) return <LoadError error={days.error} onRetry={() => void days.refetch()} />;
  const byDate = new Map<string, ServiceDayView[]>();
  for (const d of days.data?.items ?? []) byDate.set(d.date, [...(byDate.get(d.date) ?? []), d]);
  const cell = (date: Dayjs) => {
    const list = byDate.get(date.format('YYYY-MM-DD')) ?? [];
    if (!list.length) return null;
    if (mobile) return <Badge count={list.length} size="small" color="#c0392b" />;
    return (
      <ul className="sd-cal-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {list.map((d) => (
          <li key={d.id}>
            <Popover content={`${d.startTime}–${d.endTime} ${d.theme}`}>
              <a
                onClick={(e) => {
                  e.stopPropagation();
                  navigate(`/cobuild/service-days/${d.id}`);
                }}
                data-testid={`cal-day-${d.id}`}
              >
                <Badge status={BADGE[d.status]} text={d.communityName.replace('社区', '')} />
              </a>
            </Popover>
          </li>
        ))}
      </ul>
    );
  };
  return (
    <Calendar
      fullscreen={!mobile}
      value={month}
      onPanelChange={(v) => setMonth(v)}
      onSelect={(v, info) => {
        if (info.source === 'date') setMonth(v);
      }}
      cellRender={(d, info) => (info.type === 'date' ? cell(d) : info.originNode)}
    />
  );
}
