import { Button, Card, Descriptions, Flex, InputNumber, Table, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { nowMs } from '../../../ui/clock';
import { useFeedback } from '../../../ui/feedback';
import { formatNumber } from '../../../ui/format';
import { useActivityWrites, type VolunteerActivityDetail } from '../api';
import { useCatalogueName } from '../parts';
import { countyDay, countyLong, timeRange } from '../time';

/** Residents served: shown, and recorded by the organiser once the activity has started. */
function Outcome({ activity }: { activity: VolunteerActivityDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { outcome } = useActivityWrites(activity.id);
  const [value, setValue] = useState<number | null>(activity.residentsServed);
  const mayRecord = activity.can.run && activity.state === 'scheduled' && nowMs() >= Date.parse(activity.startsAt);
  if (!mayRecord)
    return (
      <>
        {activity.residentsServed === null
          ? '—'
          : t('volunteers.detail.outcomePeople', { n: formatNumber(activity.residentsServed) })}
      </>
    );
  const save = async () => {
    if (value === null) return;
    try {
      await outcome.mutateAsync(value);
      feedback.success(t('volunteers.detail.outcomeSaved'));
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Flex gap={8} align="center" wrap>
      <InputNumber
        min={0}
        max={1_000_000}
        value={value}
        onChange={setValue}
        style={{ width: 120 }}
        data-testid="va-outcome"
      />
      <Button size="small" onClick={() => void save()} loading={outcome.isPending} disabled={value === null}>
        {t('volunteers.detail.outcomeSave')}
      </Button>
    </Flex>
  );
}

/** What, who runs it, where and when, the sign-up window and the geofence. */
export function ActivityInfo({ activity: a }: { activity: VolunteerActivityDetail }) {
  const { t } = useI18n();
  const name = useCatalogueName();
  return (
    <Card size="small" style={{ marginTop: 12 }}>
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
        <Descriptions.Item label={t('volunteers.type')}>
          {name(a.seriesName, a.seriesNameEn)} · {name(a.typeName, a.typeNameEn)}
        </Descriptions.Item>
        <Descriptions.Item label={t('volunteers.community')}>{a.communityName}</Descriptions.Item>
        <Descriptions.Item label={t('volunteers.team')}>{a.teamName ?? t('volunteers.noTeam')}</Descriptions.Item>
        <Descriptions.Item label={t('volunteers.date')}>
          {countyDay(a.startsAt)} {timeRange(a)}
        </Descriptions.Item>
        <Descriptions.Item label={t('volunteers.place')}>
          {a.place}
          <Typography.Text type="secondary">
            {' · '}
            {a.geofenceMeters !== null
              ? t('volunteers.detail.geofenceText', { m: formatNumber(a.geofenceMeters) })
              : t('volunteers.detail.noGeofence')}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('volunteers.activities.signupWindow')}>
          {t('volunteers.detail.signupWindowText', {
            from: countyLong(a.signupOpensAt),
            to: countyLong(a.signupClosesAt),
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('volunteers.activities.cancelDeadline')}>
          {countyLong(a.cancelDeadlineAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('volunteers.detail.outcome')}>
          <Outcome activity={a} />
        </Descriptions.Item>
        {a.description && (
          <Descriptions.Item label={t('volunteers.activities.description')}>{a.description}</Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** Each role's slots, taken, free and waiting. */
export function RolesCard({ activity }: { activity: VolunteerActivityDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('volunteers.detail.rolesTitle')} style={{ marginTop: 12 }}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={activity.roles}
        data-testid="va-roles"
        columns={[
          { key: 'name', title: t('volunteers.detail.role'), render: (_, r) => r.name },
          { key: 'slots', title: t('volunteers.activities.slots'), align: 'right', render: (_, r) => r.slots },
          { key: 'taken', title: t('volunteers.detail.taken'), align: 'right', render: (_, r) => r.taken },
          { key: 'free', title: t('volunteers.detail.free'), align: 'right', render: (_, r) => r.free },
          {
            key: 'waiting',
            title: t('volunteers.detail.waiting'),
            align: 'right',
            render: (_, r) => (r.waiting ? <Typography.Text type="warning">{r.waiting}</Typography.Text> : 0),
          },
        ]}
      />
    </Card>
  );
}
