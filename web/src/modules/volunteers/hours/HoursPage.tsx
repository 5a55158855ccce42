import { Card, DatePicker, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { seesWholeCounty } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { addStrings, useI18n } from '../../../i18n';
import { ExportButton } from '../../../ui/ExportButton';
import { formatNumber } from '../../../ui/format';
import { ListSearch } from '../../../ui/ListFilters';
import { ListPage } from '../../../ui/ListPage';
import { PagedTable } from '../../../ui/PagedTable';
import { sortOrderOf, useListParams } from '../../../ui/useListParams';
import { OrgSelect } from '../../org/OrgSelect';
import { useTeamOptions } from '../api';
import volunteerStrings from '../i18n';
import { StarTag } from '../parts';
import { countyDay, hm } from '../time';
import { type HoursRow, useHours, useHoursSummary } from './api';
import { SummaryCards } from './SummaryCards';

addStrings(volunteerStrings);

const FILTERS = ['communityId', 'teamId', 'star', 'from', 'to'] as const;

function useColumns(sort: string | undefined): ColumnsType<HoursRow> {
  const { t } = useI18n();
  return [
    {
      key: 'name',
      title: t('volunteers.volunteer'),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'name'),
      render: (_, v) => (
        <>
          <div>{v.name}</div>
          <Typography.Text type="secondary">{v.communityName ?? ''}</Typography.Text>
        </>
      ),
    },
    {
      key: 'teams',
      title: t('volunteers.team'),
      responsive: ['lg'],
      render: (_, v) => (v.teams.length ? v.teams.map((tm) => <Tag key={tm.id}>{tm.name}</Tag>) : '—'),
    },
    {
      key: 'star',
      title: t('volunteers.hours.star'),
      render: (_, v) => (
        <>
          <StarTag star={v.star} />
          {v.nextStar !== null && v.hoursToNextStar !== null && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('volunteers.hours.toNext', { star: v.nextStar, h: formatNumber(v.hoursToNextStar) })}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      key: 'hours',
      title: t('volunteers.hours.hours'),
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf(sort ?? '-hours', 'hours'),
      render: (_, v) => (
        <>
          <div>{t('volunteers.hoursN', { n: formatNumber(v.hours) })}</div>
          {v.penaltyMinutes > 0 && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t('volunteers.hours.penalty')} {t('volunteers.hoursMinutes', hm(v.penaltyMinutes))}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      key: 'services',
      title: t('volunteers.hours.services'),
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'services'),
      render: (_, v) => formatNumber(v.services),
    },
    {
      key: 'noShows',
      title: t('volunteers.hours.noShows'),
      align: 'right',
      responsive: ['md'],
      render: (_, v) => (
        <>
          <div>{v.noShows ? <Typography.Text type="danger">{v.noShows}</Typography.Text> : 0}</div>
          {v.blockedUntil && (
            <Tag color="red">{t('volunteers.hours.blocked', { date: countyDay(v.blockedUntil) })}</Tag>
          )}
        </>
      ),
    },
  ];
}

/** 时长与星级: the figures, then each volunteer's hours and star (by hours), with the Excel export. */
export default function VolunteerHoursPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const list = useListParams(FILTERS);
  const { page: _p, pageSize: _s, sort: _o, ...filter } = list.query;
  const rows = useHours({ ...list.query, sort: list.sort ?? '-hours' });
  const summary = useHoursSummary(filter);
  const teams = useTeamOptions(list.filters.communityId);
  const columns = useColumns(list.sort);
  const f = list.filters;
  return (
    <ListPage
      title={t('volunteers.hours.title')}
      activeFilters={FILTERS.filter((k) => k !== 'to' && f[k]).length}
      actions={
        <ExportButton path="/volunteer-hours/export" query={list.query} fileName={t('volunteers.hours.fileName')} />
      }
      filters={
        <>
          <ListSearch list={list} placeholder={t('volunteers.registry.search')} />
          {seesWholeCounty(me) && (
            <OrgSelect
              kind="community"
              value={f.communityId}
              placeholder={t('volunteers.community')}
              onChange={(v) => list.setFilters({ communityId: v, teamId: undefined })}
            />
          )}
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('volunteers.team')}
            value={f.teamId}
            onChange={(v) => list.setFilter('teamId', v)}
            options={(teams.data?.items ?? []).map((tm) => ({ value: tm.id, label: tm.name }))}
          />
          <Select
            allowClear
            placeholder={t('volunteers.hours.star')}
            value={f.star}
            onChange={(v) => list.setFilter('star', v)}
            options={[0, 1, 2, 3, 4, 5].map((n) => ({
              value: String(n),
              label: n ? t('volunteers.starN', { n }) : t('volunteers.noStar'),
            }))}
          />
          <DatePicker.RangePicker
            className="filter-wide"
            value={f.from && f.to ? [dayjs(f.from), dayjs(f.to)] : null}
            onChange={(v) => list.setFilters({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          />
        </>
      }
      plain
    >
      <SummaryCards
        summary={summary.data}
        error={summary.isError ? summary.error : null}
        onRetry={() => void summary.refetch()}
      />
      <Card size="small" className="list-card">
        <PagedTable<HoursRow>
          result={rows}
          list={list}
          testId="volunteer-hours-table"
          rowTestId="vh-row"
          onOpen={() => undefined}
          className="plain-rows"
          columns={columns}
          scroll={{ x: 'max-content' }}
        />
      </Card>
    </ListPage>
  );
}
