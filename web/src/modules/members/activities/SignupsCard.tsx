import { Button, Card, Flex, Popconfirm, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { LoadError } from '../../../ui/states';
import { useMemberList } from '../api';
import { countyShort, type PostActivityDetail, type PostSignupView, useActivityWrites, useSignups } from './api';
import { SignupStateTag } from './ActivityTags';

/** Whom staff may add: in-service members living in the activity's community, by name. */
function AddMember({ activity }: { activity: PostActivityDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [q, setQ] = useState('');
  const members = useMemberList({ residenceCommunityId: activity.communityId, kind: 'in_service', q, pageSize: 20 });
  const { addSignup } = useActivityWrites(activity.id);
  const add = async (memberId: string) => {
    try {
      await addSignup.mutateAsync(memberId);
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Select<string>
      showSearch
      value={null}
      filterOption={false}
      onSearch={setQ}
      onChange={(v) => void add(v)}
      loading={members.isFetching || addSignup.isPending}
      placeholder={t('postActivities.addMemberPlaceholder')}
      style={{ width: 280, maxWidth: '100%' }}
      data-testid="pa-add-member"
      options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name} · ${m.unitName ?? ''}` }))}
    />
  );
}

function minutesText(t: ReturnType<typeof useI18n>['t'], minutes: number | null): string {
  if (minutes === null) return '—';
  return t('postActivities.minutesN', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** What staff may do with one sign-up now: check in, check out, remove. */
function SignupActions({ activity, s }: { activity: PostActivityDetail; s: PostSignupView }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const writes = useActivityWrites(activity.id);
  const run = async (fn: () => Promise<unknown>, done?: string) => {
    try {
      await fn();
      if (done) feedback.success(done);
    } catch (err) {
      feedback.error(err);
    }
  };
  const scheduled = activity.state === 'scheduled';
  return (
    <Flex gap={4} wrap>
      {activity.can.checkin && scheduled && s.state === 'signed_up' && (
        <Button
          size="small"
          type="primary"
          data-testid={`pa-checkin-${s.memberId}`}
          onClick={() =>
            void run(
              () => writes.checkin.mutateAsync({ activityId: activity.id, memberId: s.memberId }),
              t('postActivities.checkedInDone', { name: s.memberName }),
            )
          }
        >
          {t('postActivities.checkin')}
        </Button>
      )}
      {activity.can.checkin && s.state === 'checked_in' && (
        <Button
          size="small"
          data-testid={`pa-checkout-${s.memberId}`}
          onClick={() => void run(() => writes.checkout.mutateAsync({ activityId: activity.id, memberId: s.memberId }))}
        >
          {t('postActivities.checkout')}
        </Button>
      )}
      {activity.can.manage && s.state === 'signed_up' && (
        <Popconfirm title={t('common.confirm')} onConfirm={() => void run(() => writes.removeSignup.mutateAsync(s.id))}>
          <Button size="small" danger type="text">
            {t('postActivities.remove')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}

/** The activity's sign-ups: state, times, hours; check-in, check-out and removal for those who may. */
export function SignupsCard({ activity }: { activity: PostActivityDetail }) {
  const { t } = useI18n();
  const signups = useSignups(activity.id);
  const scheduled = activity.state === 'scheduled';
  return (
    <Card
      title={t('postActivities.signupList')}
      extra={activity.can.manage && scheduled && <AddMember activity={activity} />}
      data-testid="pa-signups"
    >
      {signups.isError ? (
        <LoadError error={signups.error} onRetry={() => void signups.refetch()} />
      ) : (
        <Table<PostSignupView>
          rowKey="id"
          size="small"
          loading={signups.isFetching}
          dataSource={signups.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'member',
              title: t('postActivities.member'),
              render: (_, s) => (
                <>
                  <div>{s.memberName}</div>
                  <Typography.Text type="secondary">{s.unitName ?? ''}</Typography.Text>
                </>
              ),
            },
            {
              key: 'state',
              title: t('postActivities.signupState'),
              render: (_, s) => (
                <>
                  <SignupStateTag state={s.state} />
                  {s.signedUpAt === null && (
                    <Typography.Text type="secondary">{t('postActivities.walkIn')}</Typography.Text>
                  )}
                </>
              ),
            },
            {
              key: 'in',
              title: t('postActivities.checkedInAt'),
              responsive: ['sm'],
              render: (_, s) =>
                s.checkedInAt
                  ? `${countyShort(s.checkedInAt)} · ${t(s.checkinMethod === 'qr' ? 'postActivities.methodQr' : 'postActivities.methodStaff')}`
                  : '—',
            },
            {
              key: 'out',
              title: t('postActivities.checkedOutAt'),
              responsive: ['md'],
              render: (_, s) => countyShort(s.checkedOutAt),
            },
            { key: 'hours', title: t('postActivities.hours'), render: (_, s) => minutesText(t, s.minutes) },
            { key: 'actions', title: '', render: (_, s) => <SignupActions activity={activity} s={s} /> },
          ]}
        />
      )}
    </Card>
  );
}
