import type { UseQueryResult } from '@tanstack/react-query';
import { Table, type TableProps } from 'antd';
import type { HTMLAttributes, MouseEvent } from 'react';
import type { Page } from '../api/contracts';
import { useI18n } from '../i18n';
import { EmptyState, LoadError, Loading } from './states';
import { type ListParams, sortParam } from './useListParams';

export const PAGE_SIZE_OPTIONS = [10, 20, 50, 100, 200];

interface Props<T> extends Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'onChange' | 'onRow'> {
  /** The list query: its error, first load, refetch and page of rows. */
  result: UseQueryResult<Page<T>>;
  /** Page, size and sort live in the address bar (useListParams). */
  list: Pick<ListParams<string>, 'page' | 'pageSize' | 'setPage' | 'setSort'>;
  testId: string;
  /** A click on a row (the event says where, e.g. on a selection checkbox); its data-testid is `${rowTestId}-${id}`. */
  onOpen: (row: T, event: MouseEvent<HTMLElement>) => void;
  rowTestId: string;
}

/** A server-paged, server-sorted list of records that open on click: the table of every register page. */
export function PagedTable<T extends { id: string }>({ result, list, testId, onOpen, rowTestId, ...table }: Props<T>) {
  const { t } = useI18n();
  if (result.isError) return <LoadError error={result.error} onRetry={() => void result.refetch()} />;
  if (result.isPending) return <Loading />;
  return (
    <Table<T>
      data-testid={testId}
      rowKey="id"
      size="middle"
      className="clickable-rows"
      loading={result.isFetching}
      dataSource={result.data?.items ?? []}
      locale={{ emptyText: <EmptyState /> }}
      onRow={(r) =>
        ({
          onClick: (e: MouseEvent<HTMLElement>) => onOpen(r, e),
          'data-testid': `${rowTestId}-${r.id}`,
        }) as HTMLAttributes<HTMLElement>
      }
      onChange={(_, __, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        list.setSort(sortParam(s?.columnKey, s?.order));
      }}
      pagination={{
        current: list.page,
        pageSize: list.pageSize,
        total: result.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZE_OPTIONS,
        showTotal: (n) => t('common.total', { count: n }),
        onChange: (p, s) => list.setPage(p, s),
      }}
      {...table}
    />
  );
}
