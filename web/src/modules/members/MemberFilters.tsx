import { Input, Select } from 'antd';
import { MEMBER_KINDS } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import type { ListParams } from '../../ui/useListParams';
import { OrgSelect } from '../org/OrgSelect';

export const MEMBER_FILTERS = ['kind', 'unitId', 'branchId', 'residenceCommunityId'] as const;
export type MemberFilter = (typeof MEMBER_FILTERS)[number];

/** Search, kind (在职/流动/退休/普通), work unit, branch and residence community. */
export function MemberFilters({ list }: { list: ListParams<MemberFilter> }) {
  const { t } = useI18n();
  const f = list.filters;
  const kinds = f.kind ? f.kind.split(',') : [];
  return (
    <>
      <Input.Search
        className="filter-wide"
        allowClear
        placeholder={t('members.searchPlaceholder')}
        defaultValue={list.q}
        onSearch={(v) => list.setFilter('q', v)}
        data-testid="members-search"
      />
      <Select
        mode="multiple"
        allowClear
        className="filter-wide"
        placeholder={t('members.kindFilter')}
        value={kinds}
        maxTagCount="responsive"
        onChange={(v: string[]) => list.setFilter('kind', v.join(','))}
        data-testid="members-kind"
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
