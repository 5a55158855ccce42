import { Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { formatDate } from '../../../ui/format';
import { useIsMobile } from '../../../ui/useIsMobile';
import { DomainTag } from '../projects/parts';
import type { NeedView } from './api';
import { NeedStatusTag, PriorityTag, useAmount } from './parts';

/** The needs list's columns; on a phone the title cell also shows the status and what remains. */
export function useNeedColumns(): TableColumnsType<NeedView> {
  const { t } = useI18n();
  const amount = useAmount();
  const mobile = useIsMobile();
  return [
    {
      key: 'priority',
      dataIndex: 'priority',
      title: t('needs.priority'),
      sorter: true,
      render: (_, n) => <PriorityTag value={n.priority} />,
    },
    {
      key: 'title',
      title: t('needs.titleField'),
      render: (_, n) => (
        <div style={{ maxWidth: 260 }}>
          <div>{n.title}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {n.communityName}
            {n.caseNumber ? (
              <>
                {' '}
                · <Link to={`/cases/${n.caseId}`}>{n.caseNumber}</Link>
              </>
            ) : null}
          </Typography.Text>
          {mobile && (
            <div>
              <NeedStatusTag value={n.status} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('needs.remaining')} {amount(n.remaining, n.unit)}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'domain',
      title: t('needs.domain'),
      responsive: ['md'],
      render: (_, n) => <DomainTag value={n.domain} />,
    },
    {
      key: 'quantity',
      dataIndex: 'quantity',
      title: t('needs.quantity'),
      sorter: true,
      align: 'right',
      responsive: ['sm'],
      render: (_, n) => amount(n.quantity, n.unit),
    },
    {
      key: 'remaining',
      title: t('needs.remaining'),
      align: 'right',
      responsive: ['sm'],
      render: (_, n) => amount(n.remaining, n.unit),
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('needs.status'),
      responsive: ['sm'],
      render: (_, n) => <NeedStatusTag value={n.status} />,
    },
    {
      key: 'source',
      title: t('needs.source'),
      responsive: ['lg'],
      render: (_, n) => t(`needs.sources.${n.source}`),
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('needs.createdAt'),
      sorter: true,
      responsive: ['lg'],
      render: (_, n) => formatDate(n.createdAt),
    },
  ];
}
