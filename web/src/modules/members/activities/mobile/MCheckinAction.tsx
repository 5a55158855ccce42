import { addStrings, useI18n } from '../../../../i18n';
import { Card, Spinner } from '../../../../mobile/parts';
import { useToast } from '../../../../mobile/Toast';
import type { ScanActionProps } from '../../reports/scanActions';
import { type CheckinOpen, timeRange, useCheckinWrites, useOpenForCheckin } from '../api';
import postActivitiesStrings from '../i18n';

// The phone app's start-up strings leave out the member pages' (a resident never opens them): they come here.
addStrings(postActivitiesStrings);

type OpenActivity = CheckinOpen['items'][number];

/** One activity open now, with the scanned member's state there and the one button that applies. */
function OpenActivityRow({ a, memberId, token }: { a: OpenActivity; memberId: string; token: string }) {
  const { t } = useI18n();
  const toast = useToast();
  const { checkin, checkout } = useCheckinWrites();
  const busy = checkin.isPending || checkout.isPending;
  const run = async (fn: () => Promise<{ memberName: string; minutes: number | null }>, done: 'in' | 'out') => {
    try {
      const s = await fn();
      toast.show(
        done === 'in'
          ? t('postActivities.checkedInDone', { name: s.memberName })
          : t('postActivities.checkedOutDone', { name: s.memberName, minutes: s.minutes ?? 0 }),
        'success',
      );
    } catch (err) {
      toast.error(err);
    }
  };
  const state = a.memberState;
  return (
    <div
      className="m-case"
      data-testid={`m-open-${a.id}`}
      style={{ padding: '10px 0', borderTop: '1px solid #f0f0f0' }}
    >
      <div className="m-case-title">{a.title}</div>
      <div className="m-muted">
        {timeRange(a)} · {a.place}
      </div>
      <div className="m-row" style={{ marginTop: 8, alignItems: 'center' }}>
        {state && <span className="m-chip m-chip-work">{t(`postActivities.states.${state}`)}</span>}
        {(state === null || state === 'signed_up') && (
          <button
            type="button"
            className="m-btn m-btn-primary m-btn-small"
            disabled={busy}
            data-testid={`m-checkin-${a.id}`}
            onClick={() => void run(() => checkin.mutateAsync({ activityId: a.id, token }), 'in')}
          >
            {t('postActivities.checkin')}
          </button>
        )}
        {state === 'checked_in' && (
          <button
            type="button"
            className="m-btn m-btn-small"
            disabled={busy}
            data-testid={`m-checkout-${a.id}`}
            onClick={() => void run(() => checkout.mutateAsync({ activityId: a.id, memberId }), 'out')}
          >
            {t('postActivities.checkout')}
          </button>
        )}
      </div>
    </div>
  );
}

/** 签到到活动: under a scanned 报到证, today's activities of the member's community open now, one tap each. */
export function MCheckinAction({ token }: ScanActionProps) {
  const { t } = useI18n();
  const open = useOpenForCheckin(token);
  return (
    <Card title={t('postActivities.checkinToActivity')} testId="m-post-checkin">
      {open.isLoading ? (
        <Spinner />
      ) : open.isError ? (
        <p className="m-error">{open.error.message}</p>
      ) : !open.data?.member || open.data.items.length === 0 ? (
        <p className="m-muted">{t('postActivities.noneOpen')}</p>
      ) : (
        open.data.items.map((a) => (
          <OpenActivityRow key={a.id} a={a} memberId={open.data.member?.id ?? ''} token={token} />
        ))
      )}
    </Card>
  );
}
