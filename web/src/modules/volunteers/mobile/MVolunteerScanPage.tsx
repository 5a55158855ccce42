import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { addStrings, useI18n } from '../../../i18n';
import { Spinner } from '../../../mobile/parts';
import {
  type CheckoutResult,
  countyMinute,
  type PresenceSignupView,
  type ScanView,
  spanOf,
  usePresence,
  useScan,
} from './api';
import volunteerPhoneStrings from './i18n';
import './volunteer.css';

// The phone app's start-up strings leave out the volunteer pages' (most residents never open them): they come here.
addStrings(volunteerPhoneStrings);

type Where = { lng: number; lat: number };
type T = ReturnType<typeof useI18n>['t'];

/** The phone's position, or a message saying why not (refused, unavailable, no geolocation at all). */
function locate(t: T): Promise<Where> {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) {
      reject(new Error(t('volunteerPhone.noGeolocation')));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lng: p.coords.longitude, lat: p.coords.latitude }),
      (err) =>
        reject(
          new Error(
            err.code === err.PERMISSION_DENIED
              ? t('volunteerPhone.locationDenied')
              : t('volunteerPhone.locationUnavailable', { message: err.message || String(err.code) }),
          ),
        ),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  });
}

const needsLocation = (a: ScanView['activity']) => a.geofenceMeters !== null && a.lng !== null && a.lat !== null;

/** What a check-out counted: the minutes, what the day cap took, an automatic close, a correction. */
function Outcome({ s }: { s: PresenceSignupView | CheckoutResult }) {
  const { t } = useI18n();
  const ledger = 'ledger' in s ? s.ledger : null;
  return (
    <div className="m-card m-empty" data-testid="v-scan-done">
      <div className="m-done-mark" aria-hidden>
        ✓
      </div>
      <strong style={{ fontSize: 18 }}>
        {s.state === 'checked_out' ? t('volunteerPhone.checkedOut') : t('volunteerPhone.checkedIn')}
      </strong>
      {s.checkedInAt && (
        <p style={{ margin: '6px 0 0' }}>{t('volunteerPhone.checkedInAt', { time: countyMinute(s.checkedInAt) })}</p>
      )}
      {s.checkedOutAt && (
        <p style={{ margin: '2px 0 0' }}>{t('volunteerPhone.checkedOutAt', { time: countyMinute(s.checkedOutAt) })}</p>
      )}
      {s.minutes !== null && (
        <p style={{ margin: '8px 0 0' }}>
          <strong className="m-figure" data-testid="v-scan-minutes">
            {t('volunteerPhone.counted', { n: s.minutes })}
          </strong>
        </p>
      )}
      {s.cappedMinutes > 0 && <p className="m-note">{t('volunteerPhone.capped', { n: s.cappedMinutes })}</p>}
      {s.autoClosed && <p className="m-note">{t('volunteerPhone.autoClosed')}</p>}
      {s.correctionReason && <p className="m-note">{t('volunteerPhone.corrected', { reason: s.correctionReason })}</p>}
      {ledger === 'recorded' && <p className="m-muted">{t('volunteerPhone.ledgerRecorded')}</p>}
      <Link className="m-btn" style={{ marginTop: 12 }} to="/volunteer" data-testid="v-scan-hours">
        {t('volunteerPhone.myHours')}
      </Link>
    </div>
  );
}

function ScanHead({ view }: { view: ScanView }) {
  const { t } = useI18n();
  const act = view.activity;
  return (
    <section className="m-card m-case">
      <span className="m-muted">{t('volunteerPhone.scanTitle')}</span>
      <h1 className="m-case-title" style={{ margin: 0, fontSize: 20 }} data-testid="v-scan-title">
        {act.title}
      </h1>
      <span>{spanOf(act)}</span>
      <span className="m-muted">{act.place}</span>
      {view.signup && (
        <span className="m-line">
          <span className="m-chip m-chip-work">{t(`volunteerPhone.states.${view.signup.state}`)}</span>
          <span>{view.signup.roleName}</span>
          {view.signup.checkedInAt && (
            <span className="m-muted">
              {t('volunteerPhone.checkedInAt', { time: countyMinute(view.signup.checkedInAt) })}
            </span>
          )}
        </span>
      )}
      {needsLocation(act) && <span className="m-muted">{t('volunteerPhone.geofence', { m: act.geofenceMeters })}</span>}
    </section>
  );
}

/** Why the scan leads to nothing (not signed up, waiting, outside the window …). */
function WhyNot({ view }: { view: ScanView }) {
  const { t } = useI18n();
  const act = view.activity;
  return (
    <div className="m-card m-note" data-testid="v-scan-why">
      {view.why === 'not_open'
        ? `${t('volunteerPhone.why.not_open')}（${t('volunteerPhone.checkinOpens', { time: countyMinute(act.checkinOpensAt) })}）`
        : t(`volunteerPhone.why.${view.why ?? 'not_open'}`)}
      {view.why === 'not_signed_up' && (
        <div style={{ marginTop: 8 }}>
          <Link to={`/volunteer/activities/${act.id}`}>{t('volunteerPhone.detail')}</Link>
        </div>
      )}
    </div>
  );
}

/** 签到 or 签退: locates the phone first when the activity has a geofence, then posts the code (and the place). */
function Presence({ view, code, activityId }: { view: ScanView; code: string; activityId: string }) {
  const { t } = useI18n();
  const presence = usePresence(activityId);
  const [locating, setLocating] = useState(false);
  const [locError, setLocError] = useState<string | null>(null);
  const act = view.activity;
  const done = presence.data;
  // Just checked in: 签退 is next, whatever the scan said before it was asked again.
  const next = done?.state === 'checked_in' ? 'checkout' : view.next;
  const go = async () => {
    if (next === 'none') return;
    setLocError(null);
    let where: Where | undefined;
    if (needsLocation(act)) {
      setLocating(true);
      try {
        where = await locate(t);
      } catch (err) {
        setLocError(err instanceof Error ? err.message : String(err));
        return;
      } finally {
        setLocating(false);
      }
    }
    presence.mutate({ action: next, body: { code, ...where } });
  };
  if (done?.state === 'checked_out') return <Outcome s={done} />;
  if (next === 'none')
    return view.why === 'checked_out' && view.signup ? <Outcome s={view.signup} /> : <WhyNot view={view} />;
  return (
    <>
      {done?.checkedInAt && (
        <div className="m-card m-empty" data-testid="v-scan-checked-in">
          <div className="m-done-mark" aria-hidden>
            ✓
          </div>
          <strong style={{ fontSize: 18 }}>{t('volunteerPhone.checkedIn')}</strong>
          <p style={{ margin: '6px 0 0' }}>
            {t('volunteerPhone.checkedInAt', { time: countyMinute(done.checkedInAt) })}
          </p>
        </div>
      )}
      {needsLocation(act) && !locError && !presence.isError && (
        <p className="m-muted" style={{ margin: 0, textAlign: 'center' }}>
          {locating ? t('volunteerPhone.locating') : t('volunteerPhone.needLocation')}
        </p>
      )}
      <button
        type="button"
        className="m-btn m-btn-primary v-big"
        disabled={locating || presence.isPending}
        onClick={() => void go()}
        data-testid={`v-${next}`}
      >
        {next === 'checkin' ? t('volunteerPhone.checkin') : t('volunteerPhone.checkout')}
      </button>
      {(locError || presence.isError) && (
        <div className="m-error" data-testid="v-scan-error">
          {locError ?? errorMessage(presence.error)}
        </div>
      )}
    </>
  );
}

/**
 * The page an activity's QR code opens (/m/v/scan?a=<activity>&c=<code>): the activity, my state there, and 签到 or
 * 签退 — with the phone's location when the activity has a geofence; after a check-out, the minutes counted.
 */
export default function MVolunteerScanPage() {
  const [params] = useSearchParams();
  const a = params.get('a') ?? '';
  const c = params.get('c') ?? '';
  const { t } = useI18n();
  const scan = useScan(a, c);
  if (!a || !c)
    return (
      <div className="m-page">
        <div className="m-card m-error">{t('volunteerPhone.invalidCode')}</div>
      </div>
    );
  if (scan.isLoading) return <Spinner full />;
  if (!scan.data)
    return (
      <div className="m-page">
        <div className="m-card m-empty" data-testid="v-scan-invalid">
          <p className="m-error">{errorMessage(scan.error)}</p>
          <Link className="m-btn" to="/volunteer">
            {t('volunteerPhone.title')}
          </Link>
        </div>
      </div>
    );
  return (
    <div className="m-page" data-testid="v-scan">
      <ScanHead view={scan.data} />
      {/* A new code (scanned again) starts afresh. */}
      <Presence key={c} view={scan.data} code={c} activityId={a} />
    </div>
  );
}
