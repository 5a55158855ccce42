import { Select } from 'antd';
import { PERSON_ROLES } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { ListSearch } from '../../ui/ListFilters';
import type { ListParams } from '../../ui/useListParams';
import { GridTreeSelect } from '../grid/GridTreeSelect';
import { OrgSelect } from '../org/OrgSelect';

export const PEOPLE_FILTERS = ['communityId', 'gridId', 'role', 'gender', 'partyMember'] as const;
export type PeopleFilter = (typeof PEOPLE_FILTERS)[number];

/** Search, community, grid (with its sub-grids), role, gender and Party membership. */
export function PeopleFilters({ list }: { list: ListParams<PeopleFilter> }) {
  const { t } = useI18n();
  const f = list.filters;
  return (
    <>
      <ListSearch list={list} placeholder={t('people.searchPlaceholder')} testId="people-search" />
      <OrgSelect
        kind="community"
        value={f.communityId}
        placeholder={t('people.communityFilter')}
        testId="people-community"
        onChange={(v) => list.setFilters({ communityId: v, gridId: undefined })}
      />
      <GridTreeSelect
        communityId={f.communityId}
        value={f.gridId}
        placeholder={t('people.gridFilter')}
        testId="people-grid"
        onChange={(v) => list.setFilter('gridId', v)}
      />
      <Select
        allowClear
        placeholder={t('people.roleFilter')}
        value={f.role}
        onChange={(v: string | undefined) => list.setFilter('role', v)}
        options={PERSON_ROLES.map((r) => ({ value: r, label: labelOf('personRole', r) }))}
      />
      <Select
        allowClear
        placeholder={t('people.genderFilter')}
        value={f.gender}
        onChange={(v: string | undefined) => list.setFilter('gender', v)}
        options={[
          { value: 'male', label: labelOf('gender', 'male') },
          { value: 'female', label: labelOf('gender', 'female') },
        ]}
      />
      <Select
        allowClear
        placeholder={t('people.partyFilter')}
        value={f.partyMember}
        onChange={(v: string | undefined) => list.setFilter('partyMember', v)}
        options={[
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ]}
      />
    </>
  );
}
