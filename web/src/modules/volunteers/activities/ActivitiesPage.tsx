import { PlusOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { seesWholeCounty } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { addStrings, useI18n } from '../../../i18n';
import { formatNumber } from '../../../ui/format';
import { ListPage } from '../../../ui/ListPage';
import { PagedTable } from '../../../ui/PagedTable';
import { useIsMobile } from '../../../ui/useIsMobile';
import { sortOrderOf, useListParams } from '../../../ui/useListParams';
import { useVolunteerActivities, type VolunteerActivityView } from '../api';
import volunteerStrings from '../i18n';
import { ActivityStateTag, useCatalogueName } from '../parts';
import { countyDay, timeRange } from '../time';
import { ActivityFilters, ACTIVITY_FILTERS } from './ActivityFilters';
import { ActivityFormModal } from './ActivityFormModal';
import { useOrganiser } from './useOrganiser';

addStrings(volunteerStrings);

function useColumns(sort: string | undefined): ColumnsType<VolunteerActivityView> {
  const { t } = useI18n();
  const name = useCatalogueName();
  const mobile = useIsMobile();
  return [
    {
      key: 'startsAt',
      title: t('volunteers.activities.start'),
      sorter: true,
      sortOrder: sortOrderOf(sort ?? '-startsAt', 'startsAt'),
      render: (_, a) => (
        <>
          <div>{countyDay(a.startsAt)}</div>
          <Typography.Text type="secondary">{timeRange(a)}</Typography.Text>
        </>
      ),
    },
    {
      key: 'title',
      title: t('volunteers.activities.activity'),
      render: (_, a) => (
        <>
          <div>{a.title}</div>
          <Typography.Text type="secondary">{name(a.typeName, a.typeNameEn)}</Typography.Text>
          {mobile && a.state === 'cancelled' && (
            <div>
              <ActivityStateTag state={a.state} />
            </div>
          )}
        </>
      ),
    },
    {
      key: 'organiser',
      title: t('volunteers.team'),
      responsive: ['md'],
      render: (_, a) => (
        <>
          <div>{a.teamName ?? t('volunteers.noTeam')}</div>
          <Typography.Text type="secondary">{a.communityName}</Typography.Text>
        </>
      ),
    },
    { key: 'place', title: t('volunteers.place'), responsive: ['xl'], render: (_, a) => a.place },
    {
      key: 'slots',
      title: t('volunteers.activities.slots'),
      align: 'right',
      render: (_, a) => {
        const taken = a.roles.reduce((n, r) => n + r.taken, 0);
        const slots = a.roles.reduce((n, r) => n + r.slots, 0);
        const waiting = a.roles.reduce((n, r) => n + r.waiting, 0);
        return (
          <>
            <div>
              {t('volunteers.activities.takenOfSlots', { taken: formatNumber(taken), slots: formatNumber(slots) })}
            </div>
            {waiting > 0 && (
              <Typography.Text type="warning">{t('volunteers.activities.waitingN', { n: waiting })}</Typography.Text>
            )}
          </>
        );
      },
    },
    {
      key: 'state',
      title: t('volunteers.state'),
      responsive: ['sm'],
      render: (_, a) => <ActivityStateTag state={a.state} />,
    },
  ];
}

/** 志愿活动: the activities of the caller's scope by start (latest first), filters, and publishing a new one. */
export default function VolunteerActivitiesPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const list = useListParams(ACTIVITY_FILTERS);
  const rows = useVolunteerActivities({ ...list.query, sort: list.sort ?? '-startsAt' });
  const columns = useColumns(list.sort);
  const { mayPublish } = useOrganiser();
  const [creating, setCreating] = useState(false);
  const active = ACTIVITY_FILTERS.filter((k) => k !== 'to' && list.filters[k]).length;
  return (
    <ListPage
      title={t('volunteers.activities.title')}
      activeFilters={active}
      actions={
        mayPublish && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="va-create">
            {t('volunteers.activities.create')}
          </Button>
        )
      }
      filters={<ActivityFilters list={list} showCommunity={seesWholeCounty(me)} />}
    >
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {t('volunteers.activities.subtitle')}
      </Typography.Paragraph>
      <PagedTable<VolunteerActivityView>
        result={rows}
        list={list}
        testId="volunteer-activities-table"
        rowTestId="va-row"
        onOpen={(a) => navigate(`/volunteer-activities/${a.id}`)}
        columns={columns}
        scroll={{ x: 'max-content' }}
      />
      {creating && <ActivityFormModal open onClose={() => setCreating(false)} />}
    </ListPage>
  );
}
