import { Select } from 'antd';
import { ORG_KINDS, STRENGTHS, type OrganisationView } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { ListSearch, MultiFilter } from '../../ui/ListFilters';
import { PagedTable } from '../../ui/PagedTable';
import type { ListParams } from '../../ui/useListParams';
import { useOrgList } from './api';
import { useOrgColumns } from './orgColumns';

export const ORG_FILTERS = ['kind', 'strength', 'view', 'id'] as const;
type OrgFilter = (typeof ORG_FILTERS)[number];

/** The filter controls of the list view (kind, strength, search). */
export function OrgListFilters({ list }: { list: ListParams<OrgFilter> }) {
  const { t } = useI18n();
  return (
    <>
      <ListSearch list={list} placeholder={t('common.searchPlaceholder')} testId="org-search" />
      <MultiFilter
        list={list}
        name="kind"
        placeholder={t('org.kindFilter')}
        options={ORG_KINDS.map((k) => ({ value: k, label: labelOf('orgKind', k) }))}
      />
      <Select
        allowClear
        placeholder={t('org.strengthFilter')}
        value={list.filters.strength}
        onChange={(v: string | undefined) => list.setFilter('strength', v)}
        options={STRENGTHS.map((s) => ({ value: s, label: labelOf('strength', s) }))}
      />
    </>
  );
}

export function OrgList({ list, onOpen }: { list: ListParams<OrgFilter>; onOpen: (id: string) => void }) {
  const columns = useOrgColumns(list.sort);
  const { view: _view, id: _id, ...filters } = list.filters;
  const result = useOrgList({
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    sort: list.sort,
    ...filters,
  });
  return (
    <PagedTable<OrganisationView>
      result={result}
      list={list}
      testId="org-table"
      rowTestId="org-row"
      onOpen={(r) => onOpen(r.id)}
      columns={columns}
    />
  );
}
