import { Button, Flex, Popconfirm, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../../../auth/session';
import { useI18n } from '../../../../i18n';
import { useFeedback } from '../../../../ui/feedback';
import { formatDate } from '../../../../ui/format';
import { useListParams } from '../../../../ui/useListParams';
import { RecordTable } from '../RecordTable';
import { NEED_CLAIM_STATUSES, type NeedClaimView, useClaims, useClaimWrites } from './api';
import { servedSpan } from './claimsList';
import { FulfilModal } from './FulfilModal';

const FILTERS = ['status'] as const;
const COLOURS: Record<NeedClaimView['status'], string> = {
  claimed: 'processing',
  fulfilled: 'success',
  withdrawn: 'default',
};

function Actions({ c, onFulfil }: { c: NeedClaimView; onFulfil: (c: NeedClaimView) => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { withdraw } = useClaimWrites();
  if (c.status !== 'claimed') return null;
  return (
    <Flex gap={4}>
      <Button size="small" type="primary" onClick={() => onFulfil(c)} data-testid="claim-fulfil">
        {t('needClaims.fulfil')}
      </Button>
      <Popconfirm
        title={t('needClaims.staffWithdrawConfirm', { name: c.memberName, title: c.needTitle })}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          withdraw.mutateAsync(c).then(() => feedback.success(t('needClaims.withdrawnToast')), feedback.error)
        }
      >
        <Button size="small" type="link" danger>
          {t('needClaims.withdraw')}
        </Button>
      </Popconfirm>
    </Flex>
  );
}

/**
 * 微心愿认领 on the needs page: the claims Party members made of the needs the reader sees; those who manage the
 * need's community (needs.write) verify a claim as done — which writes the member's service record — or withdraw it.
 */
export function ClaimsTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useListParams(FILTERS);
  const claims = useClaims(list.query);
  const [fulfilling, setFulfilling] = useState<NeedClaimView | null>(null);
  const columns = [
    {
      key: 'needTitle',
      title: t('needClaims.need'),
      render: (_: unknown, c: NeedClaimView) => (
        <div style={{ maxWidth: 280 }}>
          {c.needTitle}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.communityName}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'memberName', dataIndex: 'memberName', title: t('needClaims.member'), sorter: true },
    {
      key: 'status',
      title: t('needClaims.status'),
      render: (_: unknown, c: NeedClaimView) => (
        <Tag color={COLOURS[c.status]}>{t(`needClaims.statuses.${c.status}`)}</Tag>
      ),
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('needClaims.claimedOn'),
      sorter: true,
      render: (v: string) => formatDate(v),
    },
    {
      key: 'served',
      title: t('needClaims.serviceTime'),
      render: (_: unknown, c: NeedClaimView) => (c.startsAt && c.endsAt ? servedSpan(c.startsAt, c.endsAt) : '—'),
    },
    {
      key: 'note',
      dataIndex: 'note',
      title: t('needClaims.noteColumn'),
      responsive: ['xl' as const],
      render: (v: string | null) => <div style={{ maxWidth: 200 }}>{v ?? '—'}</div>,
    },
    ...(can('needs.write')
      ? [
          {
            key: 'actions',
            title: t('needClaims.actions'),
            render: (_: unknown, c: NeedClaimView) => <Actions c={c} onFulfil={setFulfilling} />,
          },
        ]
      : []),
  ];
  return (
    <>
      <Segmented
        style={{ marginBottom: 12 }}
        value={list.filters.status ?? ''}
        onChange={(v) => list.setFilter('status', v ? String(v) : undefined)}
        options={[
          { value: '', label: t('needClaims.allStatuses') },
          ...NEED_CLAIM_STATUSES.map((s) => ({ value: s, label: t(`needClaims.statuses.${s}`) })),
        ]}
        data-testid="claims-status"
      />
      <RecordTable<NeedClaimView> testId="claims-table" result={claims} list={list} columns={columns} />
      <FulfilModal claim={fulfilling} onClose={() => setFulfilling(null)} />
    </>
  );
}
