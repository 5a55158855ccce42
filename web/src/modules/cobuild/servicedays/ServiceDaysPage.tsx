import { PlusOutlined } from '@ant-design/icons';
import { Button, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { ownOrgOf, seesSeveralCommunities } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { ExportButton } from '../../../ui/ExportButton';
import { ListPage } from '../../../ui/ListPage';
import { useListParams } from '../../../ui/useListParams';
import { DayCalendar } from './DayCalendar';
import { DayFilters } from './DayFilters';
import { DayFormModal } from './DayFormModal';
import { DayTable } from './DayTable';
import { DAY_FILTERS } from './daysList';
import { UnitSummaryTable } from './UnitSummaryTable';

/** 集中报到服务日: the days (list or calendar), the per-unit tally, and scheduling a new day. */
export default function ServiceDaysPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const list = useListParams(DAY_FILTERS);
  const [creating, setCreating] = useState(false);
  const ownCommunity = ownOrgOf(me, 'community_admin');
  const tab = list.filters.tab ?? 'days';
  const { tab: _tab, page: _p, pageSize: _s, ...exportQuery } = list.query;
  const active = DAY_FILTERS.filter((k) => k !== 'tab' && list.filters[k]).length;
  return (
    <ListPage
      title={t('servicedays.title')}
      activeFilters={active}
      actions={
        <>
          <ExportButton path="/service-days/export.xlsx" query={exportQuery} fileName="service-days.xlsx" />
          {can('servicedays.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="sd-create">
              {t('servicedays.create')}
            </Button>
          )}
        </>
      }
      filters={tab === 'days' ? <DayFilters list={list} showCommunity={seesSeveralCommunities(me)} /> : undefined}
    >
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {t('servicedays.subtitle')}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => list.setFilter('tab', k === 'days' ? undefined : k)}
        items={[
          { key: 'days', label: t('servicedays.tabDays'), children: <DayTable list={list} /> },
          {
            key: 'calendar',
            label: t('servicedays.tabCalendar'),
            children: <DayCalendar communityId={list.filters.communityId} />,
          },
          { key: 'units', label: t('servicedays.tabUnits'), children: <UnitSummaryTable /> },
        ]}
      />
      <DayFormModal open={creating} onClose={() => setCreating(false)} ownCommunity={ownCommunity} />
    </ListPage>
  );
}
