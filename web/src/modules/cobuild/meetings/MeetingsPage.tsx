import { countyWallClock } from '../../../ui/clock';
import { Card, Select, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { ListPage } from '../../../ui/ListPage';
import { MeetingMatrix } from './MeetingMatrix';
import { MeetingTasksList } from './MeetingTasksList';
import { ProposeButton } from './ProposeButton';
import { yearOptions } from './quarters';
import { SolvedFigures } from './SolvedFigures';

/** 党建联席会: the meetings by quarter per community, the resolution tasks, and the 急事难事 solved figure. */
export default function MeetingsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [sp, setSp] = useSearchParams();
  // Who works on resolution tasks without running meetings (a unit) opens on the tasks.
  const unitOnly = can('meetings.tasks') && !can('meetings.write');
  const tab = sp.get('tab') ?? (unitOnly ? 'tasks' : 'meetings');
  const year = Number(sp.get('year')) || dayjs(countyWallClock()).year();
  const setParam = (k: string, v: string | undefined) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (v) next.set(k, v);
        else next.delete(k);
        if (k === 'tab') next.delete('page');
        return next;
      },
      { replace: true },
    );

  return (
    <ListPage
      title={t('meetings.title')}
      plain
      actions={
        <>
          <Select
            value={year}
            options={yearOptions()}
            onChange={(v) => setParam('year', String(v))}
            style={{ width: 100 }}
            aria-label={t('meetings.year')}
            data-testid="meetings-year"
          />
          {can('meetings.write') && <ProposeButton year={year} />}
        </>
      }
    >
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {unitOnly ? t('meetings.myUnitHint') : t('meetings.subtitle')}
      </Typography.Paragraph>
      <SolvedFigures year={year} />
      <Card size="small" className="list-card">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParam('tab', k)}
          items={[
            { key: 'meetings', label: t('meetings.tabMeetings'), children: <MeetingMatrix year={year} /> },
            {
              key: 'tasks',
              label: unitOnly ? t('meetings.tabMyTasks') : t('meetings.tabTasks'),
              children: <MeetingTasksList year={year} />,
            },
          ]}
        />
      </Card>
    </ListPage>
  );
}
