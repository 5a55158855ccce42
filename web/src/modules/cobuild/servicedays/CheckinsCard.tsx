import { nowMs } from '../../../ui/clock';
import { UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { Page } from '../../../api/contracts';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { formatDateTime } from '../../../ui/format';
import { EmptyState, LoadError } from '../../../ui/states';
import { type CheckinView, type ServiceDayDetail, useDayPart, useDayWrites } from './api';
import { StaffCheckinModal } from './StaffCheckinModal';

/** Same window as the server's: from 30 minutes before the start to 24 hours after the end. */
function checkinOpen(day: ServiceDayDetail, now = nowMs()): boolean {
  return (
    day.status !== 'cancelled' &&
    now >= Date.parse(day.startsAt) - 30 * 60_000 &&
    now <= Date.parse(day.endsAt) + 24 * 3_600_000
  );
}

/** Who checked in, when and how; with 移除 for those who manage the day. */
function useCheckinColumns(day: ServiceDayDetail): TableColumnsType<CheckinView> {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { removeCheckin } = useDayWrites(day.id);
  return [
    { title: t('servicedays.member'), dataIndex: 'memberName' },
    { title: t('servicedays.unit'), render: (_, c) => c.unitName ?? '—' },
    { title: t('servicedays.checkedInAt'), render: (_, c) => formatDateTime(c.checkedInAt) },
    {
      title: t('servicedays.method'),
      responsive: ['md'],
      render: (_, c) => t(c.method === 'qr' ? 'servicedays.methodQr' : 'servicedays.methodStaff'),
    },
    ...(day.can.manage
      ? [
          {
            key: 'x',
            title: '',
            render: (_: unknown, c: CheckinView) => (
              <Popconfirm
                title={t('servicedays.checkinRemoveConfirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  removeCheckin.mutateAsync(c.id).then(() => feedback.success(t('common.deleted')), feedback.error)
                }
              >
                <Button type="link" danger size="small">
                  {t('servicedays.checkinRemove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
}

export function CheckinsCard({ day }: { day: ServiceDayDetail }) {
  const { t } = useI18n();
  const columns = useCheckinColumns(day);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const checkins = useDayPart<Page<CheckinView>>(day.id, 'checkins', page);
  const [picking, setPicking] = useState(false);
  return (
    <Card
      size="small"
      title={`${t('servicedays.checkinTitle')} (${checkins.data?.total ?? 0})`}
      data-testid="sd-checkins"
      extra={
        day.can.checkinOthers &&
        checkinOpen(day) && (
          <Button
            size="small"
            icon={<UserAddOutlined />}
            onClick={() => setPicking(true)}
            data-testid="sd-checkin-staff"
          >
            {t('servicedays.checkinStaff')}
          </Button>
        )
      }
    >
      {checkins.isError ? (
        <LoadError compact error={checkins.error} onRetry={() => void checkins.refetch()} />
      ) : (
        <Table<CheckinView>
          rowKey="id"
          size="small"
          loading={checkins.isFetching}
          dataSource={checkins.data?.items ?? []}
          locale={{ emptyText: <EmptyState /> }}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: checkins.data?.total ?? 0,
            size: 'small',
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={columns}
        />
      )}
      <StaffCheckinModal day={day} open={picking} onClose={() => setPicking(false)} />
    </Card>
  );
}
