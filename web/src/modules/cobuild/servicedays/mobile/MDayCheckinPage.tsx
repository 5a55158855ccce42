import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../../../api/client';
import { addStrings, useI18n } from '../../../../i18n';
import { Spinner } from '../../../../mobile/parts';
import { type CheckinPage, useCheckinPage, useSelfCheckin } from '../api';
import { countyMinute } from './dayCode';
import serviceDaysPhoneStrings from './i18n';

// The phone app's start-up strings leave out the member pages' (a resident never opens them): they come here.
addStrings(serviceDaysPhoneStrings);

/** Why the button is not offered, if it is not. */
function windowNotice(page: CheckinPage, t: ReturnType<typeof useI18n>['t']): string | null {
  if (page.window === 'cancelled') return t('serviceDaysPhone.cancelledDay');
  if (page.window === 'not_started') return t('serviceDaysPhone.notStarted', { time: countyMinute(page.opensAt) });
  if (page.window === 'closed') return t('serviceDaysPhone.closed', { time: countyMinute(page.closesAt) });
  if (!page.memberName) return t('serviceDaysPhone.noMember');
  return null;
}

function Invalid({ error }: { error: unknown }) {
  const { t } = useI18n();
  const invalid = error instanceof ApiError && error.status === 404;
  return (
    <div className="m-page">
      <div className="m-card m-empty" data-testid="m-day-invalid">
        <p className={invalid ? undefined : 'm-error'}>
          {invalid ? t('serviceDaysPhone.invalid') : errorMessage(error)}
        </p>
        <Link className="m-btn" to="/service-days">
          {t('serviceDaysPhone.myDays')}
        </Link>
      </div>
    </div>
  );
}

/**
 * The page a service day's QR code opens on a member's phone (/m/service-days/checkin/:token): the day, who is
 * checking in, and one big 签到 button; the answer (new or earlier check-in, or why not) replaces it.
 */
export default function MDayCheckinPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const page = useCheckinPage(token);
  const checkin = useSelfCheckin(token);
  if (page.isLoading) return <Spinner full />;
  if (page.isError || !page.data) return <Invalid error={page.error} />;
  const p = page.data;
  const done = checkin.data ?? p.myCheckin;
  const notice = windowNotice(p, t);
  return (
    <div className="m-page" data-testid="m-day-checkin">
      <section className="m-card m-case">
        <span className="m-muted">
          {t('serviceDaysPhone.checkinTitle')} · {p.communityName}
        </span>
        <h1 className="m-case-title" style={{ margin: 0, fontSize: 20 }}>
          {p.theme}
        </h1>
        <span>
          {p.date} {p.startTime}–{p.endTime}
        </span>
        <span className="m-muted">{p.place}</span>
        {p.memberName && <strong>{t('serviceDaysPhone.who', { name: p.memberName })}</strong>}
      </section>
      {done ? (
        <div className="m-card m-empty" data-testid="m-day-done">
          <div className="m-done-mark" aria-hidden>
            ✓
          </div>
          <strong style={{ fontSize: 18 }}>
            {checkin.data ? t('serviceDaysPhone.done') : t('serviceDaysPhone.already')}
          </strong>
          <p>{t('serviceDaysPhone.at', { time: countyMinute(done.checkedInAt) })}</p>
          <Link className="m-btn" to="/service-days">
            {t('serviceDaysPhone.myDays')}
          </Link>
        </div>
      ) : notice ? (
        <div className="m-card m-note" data-testid="m-day-notice">
          {notice}
        </div>
      ) : (
        <button
          type="button"
          className="m-btn m-btn-primary m-checkin-button"
          disabled={checkin.isPending}
          onClick={() => checkin.mutate()}
          data-testid="m-day-checkin-button"
        >
          {t('serviceDaysPhone.button')}
        </button>
      )}
      {checkin.isError && (
        <div className="m-error" data-testid="m-day-error">
          {errorMessage(checkin.error)}
        </div>
      )}
    </div>
  );
}
