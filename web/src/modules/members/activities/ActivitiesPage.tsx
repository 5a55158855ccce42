import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Select, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ownOrgOf, seesSeveralCommunities } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { ListSearch } from '../../../ui/ListFilters';
import { ListPage } from '../../../ui/ListPage';
import { useListParams } from '../../../ui/useListParams';
import { OrgSelect } from '../../org/OrgSelect';
import { POST_ACTIVITY_STATES } from './api';
import { ActivityFormModal } from './ActivityFormModal';
import { ActivityTable } from './ActivityTable';
import { ACTIVITY_FILTERS, type ActivityListParams } from './activitiesList';
import { WeekView } from './WeekView';

function ActivityFilters({ list, showCommunity }: { list: ActivityListParams; showCommunity: boolean }) {
  const { t } = useI18n();
  const f = list.filters;
  return (
    <>
      <ListSearch list={list} placeholder={t('postActivities.search')} width={200} />
      {showCommunity && (
        <OrgSelect
          kind="community"
          value={f.communityId}
          placeholder={t('postActivities.community')}
          onChange={(v) => list.setFilter('communityId', v)}
        />
      )}
      <DatePicker.RangePicker
        value={f.from && f.to ? [dayjs(f.from), dayjs(f.to)] : null}
        onChange={(v) => list.setFilters({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
        style={{ width: 240 }}
        data-testid="pa-range"
      />
      <Select
        allowClear
        placeholder={t('postActivities.allStates')}
        value={f.state}
        onChange={(v) => list.setFilter('state', v)}
        style={{ width: 120 }}
        options={POST_ACTIVITY_STATES.map((s) => ({
          value: s,
          label: t(s === 'cancelled' ? 'postActivities.stateCancelled' : 'postActivities.stateScheduled'),
        }))}
      />
    </>
  );
}

/** 岗位活动: the activities (list or week), and scheduling a new one. */
export default function ActivitiesPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const list = useListParams(ACTIVITY_FILTERS);
  const [creating, setCreating] = useState(false);
  const tab = list.filters.tab ?? 'list';
  const active = (['communityId', 'state', 'from'] as const).filter((k) => list.filters[k]).length;
  return (
    <ListPage
      title={t('postActivities.title')}
      activeFilters={active}
      actions={
        can('memberservice.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="pa-create">
            {t('postActivities.create')}
          </Button>
        )
      }
      filters={<ActivityFilters list={list} showCommunity={seesSeveralCommunities(me)} />}
    >
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {t('postActivities.subtitle')}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => list.setFilter('tab', k === 'list' ? undefined : k)}
        items={[
          { key: 'list', label: t('postActivities.tabList'), children: <ActivityTable list={list} /> },
          { key: 'week', label: t('postActivities.tabWeek'), children: <WeekView list={list} /> },
        ]}
      />
      <ActivityFormModal
        open={creating}
        onClose={() => setCreating(false)}
        ownCommunity={ownOrgOf(me, 'community_admin')}
      />
    </ListPage>
  );
}
