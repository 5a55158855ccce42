import { App as AntApp, Button, Popconfirm, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Open311Client } from '../../../../src/modules/open311/open311.contracts';
import { api, errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';
import { formatDateTime, formatNumber } from '../../ui/format';

/** The clients table's columns; the last one revokes a key (after a confirmation). */
export function useClientColumns(onChanged: () => void): ColumnsType<Open311Client> {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const revoke = async (c: Open311Client) => {
    try {
      await api.post(`/open311-clients/${c.id}/revoke`);
      message.success(t('open311.revokedDone'));
      onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return [
    { title: t('open311.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('open311.keyPrefix'),
      key: 'keyPrefix',
      render: (_, c) => <code>{`${c.keyPrefix}…`}</code>,
    },
    {
      title: t('open311.state'),
      key: 'state',
      render: (_, c) =>
        c.revokedAt ? <Tag>{t('open311.revoked')}</Tag> : <Tag color="success">{t('open311.active')}</Tag>,
    },
    {
      title: t('open311.lastUsedAt'),
      key: 'lastUsedAt',
      render: (_, c) => (c.lastUsedAt ? formatDateTime(c.lastUsedAt) : t('open311.never')),
    },
    { title: t('open311.limit'), key: 'limit', render: (_, c) => formatNumber(c.requestsPerMinute) },
    { title: t('open311.createdAt'), key: 'createdAt', render: (_, c) => formatDateTime(c.createdAt) },
    { title: t('open311.createdBy'), key: 'createdBy', render: (_, c) => c.createdByName ?? '—' },
    {
      title: '',
      key: 'actions',
      render: (_, c) =>
        c.revokedAt ? null : (
          <Popconfirm title={t('open311.revokeConfirm', { name: c.name })} onConfirm={() => void revoke(c)}>
            <Button danger size="small" data-testid={`open311-revoke-${c.keyPrefix}`}>
              {t('open311.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
}
