import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Flex, Popconfirm, Table, type TableColumnsType } from 'antd';
import type { Page } from '../../../api/contracts';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { EmptyState, LoadError } from '../../../ui/states';
import { type ListParams, sortParam } from '../../../ui/useListParams';

interface Props<T> {
  testId: string;
  result: UseQueryResult<Page<T>>;
  list: Pick<ListParams<string>, 'page' | 'pageSize' | 'setPage' | 'setSort'>;
  columns: TableColumnsType<T>;
}

/** The needs' and resources' lists: small, server-paged and sorted by the column's field, rows edited in place. */
export function RecordTable<T extends { id: string }>({ testId, result, list, columns }: Props<T>) {
  const { t } = useI18n();
  if (result.isError) return <LoadError error={result.error} onRetry={() => void result.refetch()} />;
  return (
    <Table<T>
      data-testid={testId}
      rowKey="id"
      size="small"
      loading={result.isFetching}
      dataSource={result.data?.items ?? []}
      locale={{ emptyText: <EmptyState /> }}
      scroll={{ x: 'max-content' }}
      onChange={(_p, _f, s) => {
        const one = Array.isArray(s) ? s[0] : s;
        list.setSort(sortParam(one?.field, one?.order));
      }}
      pagination={{
        current: list.page,
        pageSize: list.pageSize,
        total: result.data?.total ?? 0,
        showTotal: (n) => t('common.total', { count: n }),
        onChange: (p, s) => list.setPage(p, s),
      }}
      columns={columns}
    />
  );
}

interface EditDelete<T> {
  /** The delete confirmation's text for this row. */
  confirm: (row: T) => string;
  onEdit: (row: T) => void;
  onDelete: (row: T) => void;
}

/** The last column of a list its viewer may change: edit, and delete after a confirmation. */
export function editDeleteColumn<T>(t: ReturnType<typeof useI18n>['t'], { confirm, onEdit, onDelete }: EditDelete<T>) {
  return {
    key: 'actions',
    title: t('needs.actions'),
    render: (_: unknown, row: T) => (
      <Flex gap={4}>
        <Button size="small" type="link" onClick={() => onEdit(row)}>
          {t('common.edit')}
        </Button>
        <Popconfirm
          title={confirm(row)}
          onConfirm={() => onDelete(row)}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
        >
          <Button size="small" type="link" danger>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      </Flex>
    ),
  };
}

/** Deletes a row by id and says so, or shows why not. */
export function useRemove<T extends { id: string }>(mutateAsync: (id: string) => Promise<unknown>) {
  const { t } = useI18n();
  const feedback = useFeedback();
  return async (row: T) => {
    try {
      await mutateAsync(row.id);
      feedback.success(t('common.deleted'));
    } catch (err) {
      feedback.error(err);
    }
  };
}
