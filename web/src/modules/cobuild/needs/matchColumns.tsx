import { Button, Flex, Popconfirm, Space, type TableColumnsType, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { formatNumber } from '../../../ui/format';
import { useIsMobile } from '../../../ui/useIsMobile';
import type { MatchView } from './api';
import { MatchStatusTag, PriorityTag, TaskStatusTag, useAmount } from './parts';

type Decide = (m: MatchView, how: 'accept' | 'reject') => Promise<void>;

/** A run's proposals: need, resource, amount, distance, status, the decision; on a phone the need cell holds them all. */
export function useMatchColumns(decide: Decide): TableColumnsType<MatchView> {
  const { t } = useI18n();
  const amount = useAmount();
  const mobile = useIsMobile();
  return [
    {
      key: 'need',
      title: t('needs.match.need'),
      render: (_, m) => (
        <Space direction="vertical" size={0} style={{ maxWidth: 260 }}>
          <span>
            <PriorityTag value={m.needPriority} />
            {m.needTitle}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.communityName} · {t('needs.remaining')} {amount(m.needRemaining, m.unit)}
          </Typography.Text>
          {mobile && (
            <>
              <span>
                → {m.unitName} · {amount(m.amount, m.unit)} ·{' '}
                {t('needs.match.km', { d: formatNumber(Math.round(m.distanceKm * 100) / 100) })}
              </span>
              <Flex gap={4} align="center">
                <MatchStatusTag value={m.status} />
                <MatchActions m={m} onDecide={decide} />
              </Flex>
            </>
          )}
        </Space>
      ),
    },
    {
      key: 'resource',
      title: t('needs.match.resource'),
      responsive: ['sm'],
      render: (_, m) => (
        <Space direction="vertical" size={0} style={{ maxWidth: 240 }}>
          <span>{m.unitName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.resourceTitle} · {t('needs.left')} {amount(m.resourceRemaining, m.unit)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'amount',
      title: t('needs.match.amount'),
      align: 'right',
      responsive: ['sm'],
      render: (_, m) => amount(m.amount, m.unit),
    },
    {
      key: 'distance',
      title: t('needs.match.distance'),
      align: 'right',
      responsive: ['sm'],
      render: (_, m) => t('needs.match.km', { d: formatNumber(Math.round(m.distanceKm * 100) / 100) }),
    },
    {
      key: 'status',
      title: t('needs.status'),
      responsive: ['sm'],
      render: (_, m) => (
        <>
          <MatchStatusTag value={m.status} />
          {m.task && <TaskStatusTag value={m.task.status} />}
        </>
      ),
    },
    {
      key: 'actions',
      title: t('needs.actions'),
      responsive: ['sm'],
      render: (_, m) => <MatchActions m={m} onDecide={decide} />,
    },
  ];
}

function MatchActions({ m, onDecide }: { m: MatchView; onDecide: Decide }) {
  const { t } = useI18n();
  const amount = useAmount();
  if (m.status === 'rejected' || m.task?.status === 'done') return null;
  return (
    <Flex gap={4}>
      {m.status === 'proposed' && (
        <Popconfirm
          title={t('needs.match.acceptConfirm', { resource: m.resourceTitle, amount: amount(m.amount, m.unit) })}
          onConfirm={() => onDecide(m, 'accept')}
          okText={t('needs.match.accept')}
          cancelText={t('common.cancel')}
        >
          <Button size="small" type="primary" data-testid={`match-accept-${m.id}`}>
            {t('needs.match.accept')}
          </Button>
        </Popconfirm>
      )}
      <Popconfirm
        title={t(m.status === 'accepted' ? 'needs.match.takeBackConfirm' : 'needs.match.rejectConfirm')}
        onConfirm={() => onDecide(m, 'reject')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
      >
        <Button size="small" danger data-testid={`match-reject-${m.id}`}>
          {t(m.status === 'accepted' ? 'needs.match.takeBack' : 'needs.match.reject')}
        </Button>
      </Popconfirm>
    </Flex>
  );
}
