import { Select } from 'antd';
import { useI18n } from '../../../i18n';
import { ListSearch } from '../../../ui/ListFilters';
import { OrgSelect } from '../../org/OrgSelect';
import { SERVICE_DAY_STATUSES, useServiceKinds } from './api';
import { DAY_YEARS, type DayListParams } from './daysList';

/** The days list's filter bar: search, year, month, community (for those who see several), status, kind. */
export function DayFilters({ list, showCommunity }: { list: DayListParams; showCommunity: boolean }) {
  const { t, language } = useI18n();
  const kinds = useServiceKinds();
  const f = list.filters;
  return (
    <>
      <ListSearch list={list} placeholder={t('servicedays.search')} width={200} />
      <Select
        allowClear
        placeholder={t('servicedays.year')}
        value={f.year}
        onChange={(v) => list.setFilters({ year: v, month: v ? f.month : undefined })}
        style={{ width: 100 }}
        options={DAY_YEARS.map((y) => ({ value: String(y), label: String(y) }))}
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
