import { nowMs } from '../../../ui/clock';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Popconfirm, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import type { Page } from '../../../api/contracts';
import { scopeOrgsOf } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { formatNumber } from '../../../ui/format';
import { EmptyState, LoadError } from '../../../ui/states';
import { type ServiceDayDetail, type SignupView, useDayPart, useDayWrites, useKindName } from './api';
import { SignupModal } from './SignupModal';

/** Each unit's items, headcount and check-ins; while sign-up is open, edit and withdraw on the units one may act for. */
function useSignupColumns(
  day: ServiceDayDetail,
  open: boolean,
  mine: (s: SignupView) => boolean,
  onEdit: (s: SignupView) => void,
): TableColumnsType<SignupView> {
  const { t } = useI18n();
  const feedback = useFeedback();
  const kindName = useKindName();
  const { withdraw } = useDayWrites(day.id);
  return [
    { title: t('servicedays.unit'), dataIndex: 'unitName' },
    {
      title: t('servicedays.items'),
      render: (_, s) =>
        s.items.map((i, n) => (
          <div key={n}>
            <Typography.Text strong>{kindName(i.kindCode)}</Typography.Text> {i.description}
          </div>
        )),
    },
    { title: t('servicedays.headcount'), align: 'right', render: (_, s) => formatNumber(s.headcount) },
    { title: t('servicedays.checkedIn'), align: 'right', render: (_, s) => formatNumber(s.checkedIn) },
    ...(open
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, s: SignupView) =>
              mine(s) && (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => onEdit(s)}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm
                    title={t('servicedays.signupWithdrawConfirm')}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() =>
                      withdraw
                        .mutateAsync({ signupId: s.id, version: s.version })
                        .then(() => feedback.success(t('common.deleted')), feedback.error)
                    }
                  >
                    <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                      {t('servicedays.signupWithdraw')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]
      : []),
  ];
}

export function SignupsCard({ day }: { day: ServiceDayDetail }) {
  const { t } = useI18n();
  const { me, can } = useSession();
  const signups = useDayPart<Page<SignupView>>(day.id, 'signups', { pageSize: 200 });
  const [modal, setModal] = useState<{ open: boolean; editing: SignupView | null }>({ open: false, editing: null });
  const ownUnits = scopeOrgsOf(me, 'unit_admin');
  const mine = (s: SignupView) => day.can.manage || ownUnits.includes(s.unitId);
  const open = day.status === 'scheduled' && Date.parse(day.startsAt) > nowMs();
  const alreadyIn = (signups.data?.items ?? []).some((s) => ownUnits.includes(s.unitId));
  const canAdd = open && can('servicedays.signup') && (day.can.manage || (ownUnits.length > 0 && !alreadyIn));
  const columns = useSignupColumns(day, open, mine, (s) => setModal({ open: true, editing: s }));
  return (
    <Card
      size="small"
      title={`${t('servicedays.signupTitle')} (${signups.data?.total ?? 0})`}
      data-testid="sd-signups"
      extra={
        canAdd && (
          <Button
            type="primary"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setModal({ open: true, editing: null })}
            data-testid="sd-signup"
          >
            {t(day.can.manage ? 'servicedays.signupFor' : 'servicedays.signupCreate')}
          </Button>
        )
      }
    >
      {!open && day.status === 'scheduled' && (
        <Alert type="info" showIcon title={t('servicedays.signupClosed')} style={{ marginBottom: 8 }} />
      )}
      {signups.isError ? (
        <LoadError compact error={signups.error} onRetry={() => void signups.refetch()} />
      ) : (
        <Table<SignupView>
          rowKey="id"
          size="small"
          loading={signups.isFetching}
          pagination={false}
          dataSource={signups.data?.items ?? []}
          locale={{ emptyText: <EmptyState /> }}
          scroll={{ x: 'max-content' }}
          columns={columns}
        />
      )}
      <SignupModal
        day={day}
        open={modal.open}
        editing={modal.editing}
        onClose={() => setModal({ open: false, editing: null })}
      />
    </Card>
  );
}
