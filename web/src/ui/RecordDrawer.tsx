import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { Button, Popconfirm, Space } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { DetailDrawer } from './DetailDrawer';
import { useFeedback } from './feedback';
import { LoadError, Loading } from './states';

interface Props<T> {
  open: boolean;
  onClose: () => void;
  /** The record's query: a spinner while it loads, the error with a retry if it fails. */
  result: UseQueryResult<T>;
  /** Prefix of the test ids: `${testIdPrefix}-detail`, `-edit`, `-delete`. */
  testIdPrefix: string;
  /** Edit and delete are offered only when true. */
  writable: boolean;
  onEdit: (record: T) => void;
  /** Deletes by id; the drawer closes once it succeeds. */
  remove: UseMutationResult<unknown, Error, string>;
  extra?: ReactNode;
  children: (record: T) => ReactNode;
}

/** One record of a register (a person, a Party member): its details, edit, and delete after a confirmation. */
export function RecordDrawer<T extends { id: string; name: string }>({
  open,
  onClose,
  result,
  testIdPrefix,
  writable,
  onEdit,
  remove,
  extra,
  children,
}: Props<T>) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const r = result.data;

  const del = async (record: T) => {
    try {
      await remove.mutateAsync(record.id);
      feedback.success(t('common.deleted'));
      onClose();
    } catch (err) {
      feedback.error(err);
    }
  };

  const footer =
    r && writable ? (
      <Space wrap>
        <Button icon={<EditOutlined />} onClick={() => onEdit(r)} data-testid={`${testIdPrefix}-edit`}>
          {t('common.edit')}
        </Button>
        <Popconfirm
          title={t('common.deleteConfirm', { name: r.name })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true, loading: remove.isPending }}
          onConfirm={() => del(r)}
        >
          <Button danger icon={<DeleteOutlined />} data-testid={`${testIdPrefix}-delete`}>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      </Space>
    ) : undefined;

  return (
    <DetailDrawer
      open={open}
      onClose={onClose}
      title={r?.name ?? t('common.detail')}
      testId={`${testIdPrefix}-detail`}
      footer={footer}
      extra={extra}
    >
      {result.isLoading ? (
        <Loading />
      ) : result.isError || !r ? (
        <LoadError error={result.error} onRetry={() => void result.refetch()} />
      ) : (
        children(r)
      )}
    </DetailDrawer>
  );
}
