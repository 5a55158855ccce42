import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Table, Tabs, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useNavigate } from 'react-router-dom';
import { ownOrgOf, seesSeveralCommunities } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { ExportButton } from '../../../ui/ExportButton';
import { formatDate, formatNumber } from '../../../ui/format';
import { ListPage } from '../../../ui/ListPage';
import { EmptyState, LoadError, Loading } from '../../../ui/states';
import { type ListParams, useListParams } from '../../../ui/useListParams';
import { OrgSelect } from '../../org/OrgSelect';
import { SERVICE_DAY_STATUSES, type ServiceDayView, useServiceDays, useServiceKinds } from './api';
import { DayCalendar } from './DayCalendar';
import { DayFormModal } from './DayFormModal';
import { KindTags, StatusTag } from './DayTags';
import { UnitSummaryTable } from './UnitSummaryTable';

const FILTERS = ['year', 'month', 'communityId', 'status', 'kind', 'tab'] as const;
type Filter = (typeof FILTERS)[number];
const YEARS = [2025, 2026, 2027];

function Filters({ list, showCommunity }: { list: ListParams<Filter>; showCommunity: boolean }) {
  const { t, language } = useI18n();
  const kinds = useServiceKinds();
  const f = list.filters;
  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('servicedays.search')}
        defaultValue={list.q}
        onSearch={(v) => list.setFilter('q', v || undefined)}
        style={{ width: 200 }}
      />
      <Select
        allowClear
        placeholder={t('servicedays.year')}
        value={f.year}
        onChange={(v) => list.setFilters({ year: v, month: v ? f.month : undefined })}
        style={{ width: 100 }}
        options={YEARS.map((y) => ({ value: String(y), label: String(y) }))}
        data-testid="sd-year"
      />
      <Select
        allowClear
        placeholder={t('servicedays.month')}
        value={f.month}
        disabled={!f.year}
        onChange={(v) => list.setFilter('month', v)}
        style={{ width: 100 }}
        options={Array.from({ length: 12 }, (_, i) => ({
          value: String(i + 1),
          label: t('servicedays.monthN', { month: i + 1 }),
        }))}
      />
      {showCommunity && (
        <OrgSelect
          kind="community"
          value={f.communityId}
          placeholder={t('servicedays.community')}
          onChange={(v) => list.setFilter('communityId', v)}
        />
      )}
      <Select
        allowClear
        placeholder={t('servicedays.allStatuses')}
        value={f.status}
        onChange={(v) => list.setFilter('status', v)}
        style={{ width: 120 }}
        options={SERVICE_DAY_STATUSES.map((s) => ({
          value: s,
          label: t(`servicedays.status${s[0].toUpperCase()}${s.slice(1)}` as 'servicedays.statusHeld'),
        }))}
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('servicedays.allKinds')}
        value={f.kind}
        onChange={(v) => list.setFilter('kind', v)}
        style={{ width: 180 }}
        options={(kinds.data?.items ?? []).map((k) => ({
          value: k.code,
          label: language === 'en' ? k.nameEn : k.name,
        }))}
      />
    </>
  );
}

function DayTable({ list }: { list: ListParams<Filter> }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { tab: _tab, ...query } = list.query;
  const days = useServiceDays(query);
  if (days.isError) return <LoadError error={days.error} onRetry={() => void days.refetch()} />;
  if (days.isPending) return <Loading />;
  return (
    <Table<ServiceDayView>
      data-testid="service-days-table"
      rowKey="id"
      size="middle"
      className="clickable-rows"
      loading={days.isFetching}
      dataSource={days.data.items}
      locale={{ emptyText: <EmptyState /> }}
      scroll={{ x: 'max-content' }}
      onRow={(r) =>
        ({
          onClick: () => navigate(`/cobuild/service-days/${r.id}`),
          'data-testid': `day-row-${r.id}`,
        }) as HTMLAttributes<HTMLElement>
      }
      pagination={{
        current: list.page,
        pageSize: list.pageSize,
        total: days.data.total,
        showTotal: (n) => t('common.total', { count: n }),
        onChange: (p, s) => list.setPage(p, s),
      }}
      columns={[
        {
          key: 'date',
          title: t('servicedays.date'),
          render: (_, d) => (
            <>
              <div>{formatDate(d.date)}</div>
              <Typography.Text type="secondary">
                {d.startTime}–{d.endTime}
              </Typography.Text>
            </>
          ),
        },
        { key: 'community', title: t('servicedays.community'), render: (_, d) => d.communityName },
        {
          key: 'theme',
          title: t('servicedays.theme'),
          render: (_, d) => (
            <>
              <div>{d.theme}</div>
              <KindTags codes={d.kindCodes} max={3} />
            </>
          ),
        },
        { key: 'status', title: t('servicedays.status'), render: (_, d) => <StatusTag status={d.status} /> },
        {
          key: 'signups',
          title: t('servicedays.signups'),
          align: 'right',
          responsive: ['md'],
          render: (_, d) => formatNumber(d.signupCount),
        },
        {
          key: 'checkins',
          title: `${t('servicedays.checkins')} / ${t('servicedays.headcount')}`,
          align: 'right',
          responsive: ['md'],
          render: (_, d) => `${formatNumber(d.checkinCount)} / ${formatNumber(d.headcountPromised)}`,
        },
        {
          key: 'served',
          title: t('servicedays.peopleServed'),
          align: 'right',
          responsive: ['lg'],
          render: (_, d) => formatNumber(d.peopleServed),
        },
      ]}
    />
  );
}

/** 集中报到服务日: the days (list or calendar), the per-unit tally, and scheduling a new day. */
export default function ServiceDaysPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const list = useListParams(FILTERS);
  const [creating, setCreating] = useState(false);
  const ownCommunity = ownOrgOf(me, 'community_admin');
  const tab = list.filters.tab ?? 'days';
  const { tab: _tab, page: _p, pageSize: _s, ...exportQuery } = list.query;
  const active = FILTERS.filter((k) => k !== 'tab' && list.filters[k]).length;
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
      filters={tab === 'days' ? <Filters list={list} showCommunity={seesSeveralCommunities(me)} /> : undefined}
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
