import { Select, Table } from 'antd';
import { ORG_KINDS, STRENGTHS, type OrganisationView } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { ListSearch, MultiFilter } from '../../ui/ListFilters';
import { LoadError } from '../../ui/states';
import { sortParam, type ListParams } from '../../ui/useListParams';
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
  const { t } = useI18n();
  const columns = useOrgColumns(list.sort);
  const { view: _view, id: _id, ...filters } = list.filters;
  const q = useOrgList({
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    sort: list.sort,
    ...filters,
  });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Table<OrganisationView>
      data-testid="org-table"
      rowKey="id"
      size="middle"
      className="clickable-rows"
      loading={q.isFetching}
      dataSource={q.data?.items ?? []}
      onRow={(r) => ({ onClick: () => onOpen(r.id) })}
      onChange={(_, __, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        list.setSort(sortParam(s?.columnKey, s?.order));
      }}
      pagination={{
        current: list.page,
        pageSize: list.pageSize,
        total: q.data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (n) => t('common.total', { count: n }),
        onChange: (p, s) => list.setPage(p, s),
      }}
      columns={columns}
    />
  );
}
