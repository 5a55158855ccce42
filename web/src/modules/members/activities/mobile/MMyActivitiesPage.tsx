import { addStrings, useI18n } from '../../../../i18n';
import { Card, Spinner } from '../../../../mobile/parts';
import { useToast } from '../../../../mobile/Toast';
import { countyDay, type MyPostActivity, timeRange, useMyActivities, useSelfSignup } from '../api';
import postActivitiesStrings from '../i18n';

// The phone app's start-up strings leave out the member pages' (a resident never opens them): they come here.
addStrings(postActivitiesStrings);

function ActivityItem({ a }: { a: MyPostActivity }) {
  const { t, language } = useI18n();
  const toast = useToast();
  const { signup, withdraw } = useSelfSignup();
  const busy = signup.isPending || withdraw.isPending;
  const state = a.mySignup?.state;
  const full = a.signupCount >= a.capacity;
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (err) {
      toast.error(err);
    }
  };
  return (
    <div data-testid={`m-activity-${a.id}`} style={{ padding: '10px 0', borderTop: '1px solid #f0f0f0' }}>
      <div className="m-case-top">
        <strong>{a.title}</strong>
        {a.myPost && <span className="m-chip m-chip-done">{t('postActivities.myPost')}</span>}
      </div>
      <div className="m-muted">
        {countyDay(a.startsAt)} {timeRange(a)} · {a.place}
      </div>
      <div className="m-muted">
        {language === 'en' ? a.postTypeNameEn : a.postTypeName} ·{' '}
        {t('postActivities.seats', { n: a.signupCount, capacity: a.capacity })}
      </div>
      <div className="m-row" style={{ marginTop: 8, alignItems: 'center' }}>
        {a.state === 'cancelled' ? (
          <span className="m-chip m-chip-off">{t('postActivities.cancelled', { reason: a.cancelReason ?? '' })}</span>
        ) : state === 'signed_up' ? (
          <button
            type="button"
            className="m-btn m-btn-small"
            disabled={busy}
            data-testid={`m-withdraw-${a.id}`}
            onClick={() => void act(() => withdraw.mutateAsync(a.id))}
          >
            {t('postActivities.withdraw')}
          </button>
        ) : state ? (
          <span className="m-chip m-chip-work">{t(`postActivities.states.${state}`)}</span>
        ) : (
          <button
            type="button"
            className="m-btn m-btn-primary m-btn-small"
            disabled={busy || full}
            data-testid={`m-signup-${a.id}`}
            onClick={() => void act(() => signup.mutateAsync(a.id))}
          >
            {full ? t('postActivities.full') : t('postActivities.signup')}
          </button>
        )}
      </div>
    </div>
  );
}

/** 岗位活动 on a member's phone: my next duties, then the coming activities where I live (my post's first). */
export default function MMyActivitiesPage() {
  const { t } = useI18n();
  const q = useMyActivities();
  if (q.isLoading) return <Spinner full />;
  if (q.isError || !q.data)
    return (
      <div className="m-page">
        <div className="m-card m-error">{q.error?.message}</div>
      </div>
    );
  const mine = q.data.items.filter((a) => a.mySignup && a.state === 'scheduled');
  const others = q.data.items.filter((a) => !mine.includes(a));
  return (
    <div className="m-page" data-testid="m-post-activities">
      <Card title={t('postActivities.myNext')} testId="m-my-next">
        {mine.length === 0 ? (
          <p className="m-muted">{t('postActivities.noNext')}</p>
        ) : (
          mine.map((a) => <ActivityItem key={a.id} a={a} />)
        )}
      </Card>
      <Card title={t('postActivities.upcoming')}>
        {others.length === 0 ? (
          <p className="m-muted">{t('postActivities.noUpcoming')}</p>
        ) : (
          others.map((a) => <ActivityItem key={a.id} a={a} />)
        )}
      </Card>
    </div>
  );
}
