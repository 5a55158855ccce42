import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Table, Typography } from 'antd';
import { useState } from 'react';
import type { CreatedOpen311Client, Open311Client } from '../../../../src/modules/open311/open311.contracts';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { ListPage } from '../../ui/ListPage';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { CreateClientModal, KeyShownOnce } from './ClientModals';
import { useClientColumns } from './clientColumns';

/**
 * 外部系统接入 (county admin): the systems that call the Open311 gateway, their keys' first characters, last use and
 * limit; create one (its key shown once) or revoke one.
 */
export default function Open311ClientsPage() {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedOpen311Client | null>(null);
  const clients = useQuery({
    queryKey: ['open311-clients'],
    queryFn: ({ signal }) => api.get<{ items: Open311Client[] }>('/open311-clients', undefined, signal),
  });
  const columns = useClientColumns(() => void clients.refetch());
  const actions = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="open311-create">
      {t('open311.create')}
    </Button>
  );
  return (
    <ListPage title={t('open311.title')} actions={actions}>
      <Typography.Paragraph type="secondary">{t('open311.intro')}</Typography.Paragraph>
      {clients.isError ? (
        <LoadError error={clients.error} onRetry={() => void clients.refetch()} />
      ) : clients.isPending ? (
        <Loading />
      ) : (
        <Table<Open311Client>
          data-testid="open311-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={clients.data.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyState /> }}
        />
      )}
      {created && <KeyShownOnce client={created} onClose={() => setCreated(null)} />}
      <CreateClientModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          setCreated(c);
          void clients.refetch();
        }}
      />
    </ListPage>
  );
}
