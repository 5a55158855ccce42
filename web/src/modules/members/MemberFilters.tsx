import { MEMBER_KINDS } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { ListSearch, MultiFilter } from '../../ui/ListFilters';
import type { ListParams } from '../../ui/useListParams';
import { OrgSelect } from '../org/OrgSelect';

export const MEMBER_FILTERS = ['kind', 'unitId', 'branchId', 'residenceCommunityId'] as const;
export type MemberFilter = (typeof MEMBER_FILTERS)[number];

/** Search, kind (在职/流动/退休/普通), work unit, branch and residence community. */
export function MemberFilters({ list }: { list: ListParams<MemberFilter> }) {
  const { t } = useI18n();
  const f = list.filters;
  return (
    <>
      <ListSearch list={list} placeholder={t('members.searchPlaceholder')} testId="members-search" />
      <MultiFilter
        list={list}
        name="kind"
        placeholder={t('members.kindFilter')}
        testId="members-kind"
        options={MEMBER_KINDS.map((k) => ({ value: k, label: labelOf('memberKind', k) }))}
      />
      <OrgSelect
        kind="unit"
        className="filter-wide"
        value={f.unitId}
        placeholder={t('members.unitFilter')}
        onChange={(v) => list.setFilter('unitId', v)}
      />
      <OrgSelect
        kind="community"
        value={f.residenceCommunityId}
        placeholder={t('members.residenceFilter')}
        onChange={(v) => list.setFilter('residenceCommunityId', v)}
      />
      <OrgSelect
        kind="branch"
        value={f.branchId}
        placeholder={t('members.branchFilter')}
        onChange={(v) => list.setFilter('branchId', v)}
      />
    </>
  );
}
