import { DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n';
import { ListSearch } from '../../../ui/ListFilters';
import type { ListParams } from '../../../ui/useListParams';
import { OrgSelect } from '../../org/OrgSelect';
import { useSeries, useTeamOptions, VOLUNTEER_ACTIVITY_STATES } from '../api';
import { useCatalogueName } from '../parts';

export const ACTIVITY_FILTERS = ['communityId', 'teamId', 'typeId', 'from', 'to', 'state'] as const;
export type ActivityListParams = ListParams<(typeof ACTIVITY_FILTERS)[number]>;

/** The service types of the catalogue, grouped by series, for a Select. */
export function useTypeOptions() {
  const series = useSeries();
  const name = useCatalogueName();
  return {
    loading: series.isLoading,
    options: (series.data?.items ?? []).map((s) => ({
      label: name(s.name, s.nameEn),
      title: name(s.name, s.nameEn),
      options: s.types.map((ty) => ({ value: ty.id, label: name(ty.name, ty.nameEn) })),
    })),
  };
}

/** Search, community (county), team, type, dates and state. */
export function ActivityFilters({ list, showCommunity }: { list: ActivityListParams; showCommunity: boolean }) {
  const { t } = useI18n();
  const f = list.filters;
  const teams = useTeamOptions(f.communityId);
  const types = useTypeOptions();
  return (
    <>
      <ListSearch list={list} placeholder={t('volunteers.activities.search')} testId="va-search" />
      {showCommunity && (
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
        loading={teams.isLoading}
        onChange={(v) => list.setFilter('teamId', v)}
        options={(teams.data?.items ?? []).map((tm) => ({ value: tm.id, label: tm.name }))}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('volunteers.type')}
        value={f.typeId}
        loading={types.loading}
        onChange={(v) => list.setFilter('typeId', v)}
        options={types.options}
      />
      <DatePicker.RangePicker
        value={f.from && f.to ? [dayjs(f.from), dayjs(f.to)] : null}
        onChange={(v) => list.setFilters({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
        className="filter-wide"
      />
      <Select
        allowClear
        placeholder={t('volunteers.allStates')}
        value={f.state}
        onChange={(v) => list.setFilter('state', v)}
        options={VOLUNTEER_ACTIVITY_STATES.map((s) => ({ value: s, label: t(`volunteers.activityStates.${s}`) }))}
      />
    </>
  );
}
