import { UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { nowMs } from '../../../ui/clock';
import { useFeedback } from '../../../ui/feedback';
import { EmptyState, LoadError } from '../../../ui/states';
import {
  type PresenceSignupView,
  useActivityWrites,
  usePresence,
  useRoster,
  type VolunteerActivityDetail,
  type VolunteerSignupView,
} from '../api';
import { SignupStateTag } from '../parts';
import { countyShort, hm } from '../time';
import { AddSignupDialog } from './AddSignupDialog';
import { CorrectDialog } from './CorrectDialog';

const OPENS_BEFORE_MS = 30 * 60_000;
const CORRECTABLE = ['signed_up', 'checked_in', 'checked_out', 'no_show'];

/** What the organiser may do with one sign-up now: check in or out (in the check-in window), correct, cancel. */
function RowActions({
  activity,
  s,
  onCorrect,
}: {
  activity: VolunteerActivityDetail;
  s: VolunteerSignupView;
  onCorrect: () => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const writes = useActivityWrites(activity.id);
  const now = nowMs();
  const scheduled = activity.state === 'scheduled';
  const inWindow = now >= Date.parse(activity.startsAt) - OPENS_BEFORE_MS && now <= Date.parse(activity.endsAt);
  const started = now >= Date.parse(activity.startsAt);
  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      feedback.success(done);
    } catch (err) {
      feedback.error(err);
    }
  };
  const presence = (action: 'checkin' | 'checkout') =>
    run(
      () => writes.presence.mutateAsync({ volunteerId: s.volunteerId, action }),
      t(action === 'checkin' ? 'volunteers.detail.checkinDone' : 'volunteers.detail.checkoutDone', {
        name: s.volunteerName,
      }),
    );
  return (
    <Space size={4} wrap>
      {scheduled && inWindow && s.state === 'signed_up' && (
        <Button size="small" onClick={() => void presence('checkin')} data-testid={`va-checkin-${s.id}`}>
          {t('volunteers.detail.checkin')}
        </Button>
      )}
      {scheduled && inWindow && s.state === 'checked_in' && (
        <Button size="small" onClick={() => void presence('checkout')} data-testid={`va-checkout-${s.id}`}>
          {t('volunteers.detail.checkout')}
        </Button>
      )}
      {scheduled && started && CORRECTABLE.includes(s.state) && (
        <Button size="small" type="link" onClick={onCorrect} data-testid={`va-correct-${s.id}`}>
          {t('volunteers.detail.correct')}
        </Button>
      )}
      {scheduled && !started && (s.state === 'signed_up' || s.state === 'waitlisted') && (
        <Popconfirm
          title={t('volunteers.detail.cancelSignupConfirm', { name: s.volunteerName })}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            run(() => writes.cancelSignup.mutateAsync({ signupId: s.id }), t('volunteers.detail.cancelSignup'))
          }
        >
          <Button size="small" type="link" danger>
            {t('volunteers.detail.cancelSignup')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

/** The minutes counted, a no-show's penalty, and the flags: closed by the sweep, cut by the day cap, corrected. */
function MinutesCell({ s, p }: { s: VolunteerSignupView; p: PresenceSignupView | undefined }) {
  const { t } = useI18n();
  const flags = [];
  if (s.autoClosed)
    flags.push(
      <Tag key="auto" color="orange">
        {t('volunteers.detail.flagAutoClosed')}
      </Tag>,
    );
  if (p && p.cappedMinutes > 0)
    flags.push(
      <Tag key="cap" color="purple">
        {t('volunteers.detail.flagCapped', { n: p.cappedMinutes })}
      </Tag>,
    );
  if (p?.correctionReason)
    flags.push(
      <Tag key="fix" color="cyan" title={p.correctionReason}>
        {t('volunteers.detail.flagCorrected')}
      </Tag>,
    );
  return (
    <>
      <div>{s.minutes === null ? '—' : t('volunteers.hoursMinutes', hm(s.minutes))}</div>
      {s.penaltyMinutes > 0 && (
        <Typography.Text type="danger">{t('volunteers.detail.penalty', { n: s.penaltyMinutes })}</Typography.Text>
      )}
      {flags.length > 0 && (
        <Flex wrap gap={2}>
          {flags}
        </Flex>
      )}
    </>
  );
}

/** The roster's columns: who, role, state (queue), presence with its method, minutes with flags, actions. */
function useRosterColumns(
  activity: VolunteerActivityDetail,
  byId: Map<string, PresenceSignupView>,
  setCorrecting: (s: VolunteerSignupView) => void,
): ColumnsType<VolunteerSignupView> {
  const { t } = useI18n();
  const methodOf = (m: VolunteerSignupView['checkinMethod']) => (m ? t(`volunteers.methods.${m}`) : '');
  return [
    {
      key: 'volunteer',
      title: t('volunteers.volunteer'),
      render: (_, s) => (
        <>
          <div>{s.volunteerName}</div>
          {s.phone && <Typography.Text type="secondary">{s.phone}</Typography.Text>}
        </>
      ),
    },
    { key: 'role', title: t('volunteers.detail.role'), render: (_, s) => s.roleName },
    {
      key: 'state',
      title: t('volunteers.state'),
      render: (_, s) => (
        <>
          <SignupStateTag state={s.state} />
          {s.queuePosition !== null && (
            <div>
              <Typography.Text type="secondary">{t('volunteers.detail.queue', { n: s.queuePosition })}</Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      key: 'in',
      title: t('volunteers.detail.checkedInAt'),
      render: (_, s) => (
        <>
          <div>{countyShort(s.checkedInAt)}</div>
          <Typography.Text type="secondary">{methodOf(s.checkinMethod)}</Typography.Text>
        </>
      ),
    },
    {
      key: 'out',
      title: t('volunteers.detail.checkedOutAt'),
      render: (_, s) => (
        <>
          <div>{countyShort(s.checkedOutAt)}</div>
          <Typography.Text type="secondary">{methodOf(s.checkoutMethod)}</Typography.Text>
        </>
      ),
    },
    {
      key: 'minutes',
      title: t('volunteers.detail.minutes'),
      render: (_, s) => <MinutesCell s={s} p={byId.get(s.id)} />,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, s) => <RowActions activity={activity} s={s} onCorrect={() => setCorrecting(s)} />,
    },
  ];
}

/** The roster: who signed up on which role, who waits (queue), presence and minutes, with the organiser's actions. */
export function RosterCard({ activity }: { activity: VolunteerActivityDetail }) {
  const { t } = useI18n();
  const roster = useRoster(activity.id, true);
  const presence = usePresence(activity.id, true);
  const [correcting, setCorrecting] = useState<VolunteerSignupView | null>(null);
  const [adding, setAdding] = useState(false);
  const byId = new Map((presence.data?.items ?? []).map((p) => [p.id, p]));
  const notStarted = activity.state === 'scheduled' && nowMs() < Date.parse(activity.startsAt);
  const columns = useRosterColumns(activity, byId, setCorrecting);
  return (
    <Card
      title={t('volunteers.detail.rosterTitle')}
      size="small"
      style={{ marginTop: 12 }}
      extra={
        notStarted && (
          <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="va-add-signup">
            {t('volunteers.detail.addSignup')}
          </Button>
        )
      }
    >
      {roster.isError ? (
        <LoadError error={roster.error} onRetry={() => void roster.refetch()} compact />
      ) : (
        <Table<VolunteerSignupView>
          rowKey="id"
          size="small"
          loading={roster.isLoading}
          dataSource={roster.data?.items ?? []}
          locale={{ emptyText: <EmptyState /> }}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="va-roster"
          columns={columns}
        />
      )}
      <CorrectDialog activity={activity} signup={correcting} onClose={() => setCorrecting(null)} />
      {adding && <AddSignupDialog activity={activity} open onClose={() => setAdding(false)} />}
    </Card>
  );
}
