import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { useToast } from '../../../mobile/Toast';
import {
  countyMinute,
  type MyVolunteerActivity,
  type OpenActivity,
  spanOf,
  useCancelSignup,
  useSignup,
  type VolunteerActivityDetail,
} from './api';
import { starFigures } from './figures';
import './volunteer.css';

type Activity = OpenActivity | MyVolunteerActivity | VolunteerActivityDetail;
type Mine = OpenActivity['mine'];

/** My place at an activity, if I hold one (a cancelled sign-up holds none: I may sign up again). */
export const heldPlace = (mine: Mine | undefined): Mine => (mine && mine.state !== 'cancelled' ? mine : null);

const STATE_TONE: Record<string, string> = {
  signed_up: 'work',
  waitlisted: 'wait',
  checked_in: 'done',
  checked_out: 'done',
  no_show: 'warn',
  cancelled: 'off',
};

/** My place at an activity as a chip: the role signed up on, or my place on its waitlist. */
export function MineChip({ mine }: { mine: NonNullable<Mine> }) {
  const { t } = useI18n();
  const text =
    mine.state === 'waitlisted'
      ? t('volunteerPhone.waitlisted', { n: mine.queuePosition ?? '?', role: mine.roleName })
      : mine.state === 'signed_up'
        ? t('volunteerPhone.signedUp', { role: mine.roleName })
        : `${t(`volunteerPhone.states.${mine.state}`)} · ${mine.roleName}`;
  return (
    <span className={`m-chip m-chip-${STATE_TONE[mine.state]} v-wrap`} data-testid="v-mine-state">
      {text}
    </span>
  );
}

/** The type (in the page's language), the team or community, the time and the place of an activity. */
export function ActivityMeta({ a }: { a: Activity }) {
  const { t, language } = useI18n();
  return (
    <>
      <div className="m-muted">
        {language === 'en' ? a.typeNameEn : a.typeName} · {a.teamName ?? a.communityName}
      </div>
      <div className="m-muted">
        {spanOf(a)} · {a.place}
      </div>
      {a.state === 'cancelled' && (
        <span className="m-chip m-chip-off v-wrap">
          {t('volunteerPhone.activityCancelled', { reason: a.cancelReason ?? '' })}
        </span>
      )}
    </>
  );
}

/** Asks before cancelling; the API's refusal (after the deadline) shows in place. */
export function CancelSignup({ title, mine }: { title: string; mine: NonNullable<Mine> }) {
  const { t } = useI18n();
  const toast = useToast();
  const cancel = useCancelSignup();
  const [asking, setAsking] = useState(false);
  const deadlinePassed = !mine.mayCancel;
  if (!asking)
    return (
      <button
        type="button"
        className="m-btn m-btn-small"
        onClick={() => {
          cancel.reset();
          setAsking(true);
        }}
        data-testid="v-cancel"
      >
        {t('volunteerPhone.cancel')}
      </button>
    );
  return (
    <div className="m-confirm" data-testid="v-cancel-confirm">
      <p style={{ margin: '0 0 6px' }}>
        {t(mine.state === 'waitlisted' ? 'volunteerPhone.cancelWaitQuestion' : 'volunteerPhone.cancelQuestion', {
          title,
        })}
      </p>
      {cancel.isError && (
        <p className="m-error" data-testid="v-cancel-error">
          {errorMessage(cancel.error)}
        </p>
      )}
      <div className="m-row">
        <button type="button" className="m-btn" onClick={() => setAsking(false)} disabled={cancel.isPending}>
          {t('volunteerPhone.keep')}
        </button>
        <button
          type="button"
          className="m-btn m-btn-primary"
          disabled={cancel.isPending || (deadlinePassed && cancel.isError)}
          onClick={() =>
            cancel.mutate(mine.signupId, {
              onSuccess: () => {
                setAsking(false);
                toast.show(t('volunteerPhone.cancelled'), 'success');
              },
            })
          }
          data-testid="v-cancel-yes"
        >
          {t('volunteerPhone.confirmCancel')}
        </button>
      </div>
    </div>
  );
}

/** The roles with their slots; each offers 报名 (or 候补 when full) until I hold a place at the activity. */
export function RoleList({ a, mine, signupOpen }: { a: Activity; mine: Mine; signupOpen: boolean }) {
  const { t } = useI18n();
  const toast = useToast();
  const signup = useSignup();
  const offer = signupOpen && !mine && a.state !== 'cancelled';
  const go = (roleId: string) =>
    signup.mutate(
      { activityId: a.id, roleId },
      {
        onSuccess: (s) =>
          toast.show(
            s.state === 'waitlisted'
              ? t('volunteerPhone.waitlistedToast', { n: s.queuePosition ?? '?' })
              : t('volunteerPhone.signedUpToast'),
            'success',
          ),
        onError: (err) => toast.error(err),
      },
    );
  return (
    <div className="v-roles">
      {a.roles.map((r) => (
        <div key={r.id} className="v-role" data-testid={`v-role-${r.name}`}>
          <div className="v-role-text">
            <strong>{r.name}</strong>
            <span className="m-muted">
              {t('volunteerPhone.slots', { taken: r.taken, slots: r.slots })}
              {' · '}
              {r.free > 0 ? t('volunteerPhone.free', { n: r.free }) : t('volunteerPhone.full')}
              {r.waiting > 0 && ` · ${t('volunteerPhone.waiting', { n: r.waiting })}`}
            </span>
          </div>
          {offer && (
            <button
              type="button"
              className={`m-btn m-btn-small${r.free > 0 ? ' m-btn-primary' : ''}`}
              disabled={signup.isPending}
              title={r.free > 0 ? undefined : t('volunteerPhone.fullHint')}
              onClick={() => go(r.id)}
              data-testid="v-signup"
            >
              {r.free > 0 ? t('volunteerPhone.signup') : t('volunteerPhone.join')}
            </button>
          )}
        </div>
      ))}
      {offer && a.roles.some((r) => r.free === 0) && <p className="m-muted v-hint">{t('volunteerPhone.fullHint')}</p>}
    </div>
  );
}

/** The sign-up window or the cancellation deadline, whichever matters to me now. */
export function WindowNote({ a, mine, signupOpen }: { a: Activity; mine: Mine; signupOpen: boolean }) {
  const { t } = useI18n();
  if (a.state === 'cancelled') return null;
  if (mine && (mine.state === 'signed_up' || mine.state === 'waitlisted'))
    return (
      <div className="m-muted" data-testid="v-deadline">
        {mine.mayCancel
          ? t('volunteerPhone.cancelBy', { time: countyMinute(a.cancelDeadlineAt) })
          : t('volunteerPhone.cancelClosed', { time: countyMinute(a.cancelDeadlineAt) })}
      </div>
    );
  if (mine) return null;
  return (
    <div className="m-muted">
      {signupOpen
        ? t('volunteerPhone.signupCloses', { time: countyMinute(a.signupClosesAt) })
        : t('volunteerPhone.signupOpens', { time: countyMinute(a.signupOpensAt) })}
    </div>
  );
}

/** One activity of a list: title (to its page), what, when, where, and what I may do. */
export function ActivityItem({
  a,
  mine,
  signupOpen,
  roles,
}: {
  a: Activity;
  mine: Mine;
  signupOpen: boolean;
  roles: boolean;
}) {
  const { t } = useI18n();
  const held = heldPlace(mine);
  const live = held && (held.state === 'signed_up' || held.state === 'waitlisted');
  return (
    <div className="m-item" data-testid="v-activity">
      <div className="m-case-top">
        <Link to={`/volunteer/activities/${a.id}`} className="v-title">
          {a.title}
        </Link>
      </div>
      <ActivityMeta a={a} />
      {held && (
        <div className="m-line" style={{ marginTop: 4 }}>
          <MineChip mine={held} />
          {held.minutes !== null && <span>{t('volunteerPhone.minutes', { n: held.minutes })}</span>}
          {held.penaltyMinutes > 0 && (
            <span className="m-chip m-chip-warn">{t('volunteerPhone.penaltyShort', { n: held.penaltyMinutes })}</span>
          )}
        </div>
      )}
      <WindowNote a={a} mine={held} signupOpen={signupOpen} />
      {roles && <RoleList a={a} mine={held} signupOpen={signupOpen} />}
      {live && held && a.state !== 'cancelled' && (
        <div style={{ marginTop: 6 }}>
          <CancelSignup title={a.title} mine={held} />
        </div>
      )}
    </div>
  );
}

/** Hours as a bar toward the next star (the county's star table), with the star reached. */
export function StarProgress({ hours, starHours }: { hours: number; starHours: readonly number[] }) {
  const { t } = useI18n();
  const f = starFigures(hours, starHours);
  const label = f.star ? t('volunteerPhone.star', { n: f.star }) : t('volunteerPhone.noStar');
  return (
    <div className="v-star" data-testid="v-star">
      <div className="v-stars" role="img" aria-label={label}>
        {starHours.map((h, i) => (
          <span key={h} className={i < f.star ? 'on' : undefined} aria-hidden>
            ★
          </span>
        ))}
        <em>{label}</em>
      </div>
      <div className="v-bar" aria-hidden>
        <span style={{ width: `${f.percent}%` }} data-testid="v-star-bar" />
      </div>
      <div className="m-muted" data-testid="v-next-star">
        {f.toGo === null
          ? t('volunteerPhone.topStar')
          : t('volunteerPhone.toNextStar', { hours: f.toGo, n: f.star + 1 })}
      </div>
    </div>
  );
}
