import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { addStrings, useI18n } from '../../../i18n';
import { Card, Spinner } from '../../../mobile/parts';
import { useQrScanner } from '../../../mobile/useQrScanner';
import { countyMinute, type MyVolunteer, spanOf, useMyHours, useMySignups, useMyVolunteer } from './api';
import { scanTargetOf } from './figures';
import volunteerPhoneStrings from './i18n';
import { MRegisterForm } from './MRegisterForm';
import { MineChip, StarProgress } from './parts';

// The phone app's start-up strings leave out the volunteer pages' (most residents never open them): they come here.
addStrings(volunteerPhoneStrings);

function HoursCard() {
  const { t } = useI18n();
  const hours = useMyHours();
  if (hours.isLoading)
    return (
      <Card title={t('volunteerPhone.hours')}>
        <Spinner />
      </Card>
    );
  if (!hours.data) return <div className="m-card m-error">{errorMessage(hours.error)}</div>;
  const h = hours.data;
  return (
    <Card title={t('volunteerPhone.hours')} testId="v-hours">
      <div className="m-ring-row">
        <div className="v-hours">
          <strong data-testid="v-hours-value">{h.hours}</strong>
          <span className="m-muted">{t('volunteerPhone.hoursUnit')}</span>
        </div>
        <StarProgress hours={h.hours} starHours={h.starHours} />
      </div>
      <div className="v-figures">
        <div>
          <strong data-testid="v-services">{h.services}</strong>
          {t('volunteerPhone.services')}
        </div>
        <div>
          <strong>{h.noShows}</strong>
          {t('volunteerPhone.noShows')}
        </div>
        <div>
          <strong>{Math.round((h.verifiedMinutes / 60) * 10) / 10}</strong>
          {t('volunteerPhone.verified')}
        </div>
      </div>
      {h.penaltyMinutes > 0 && (
        <p className="m-muted" style={{ margin: '8px 0 0' }}>
          {t('volunteerPhone.penalty', { minutes: h.penaltyMinutes })}
        </p>
      )}
      {h.blockedUntil && (
        <p className="m-note" data-testid="v-blocked">
          {t('volunteerPhone.blocked', { until: countyMinute(h.blockedUntil) })}
        </p>
      )}
    </Card>
  );
}

/** 扫码签到 for someone who opened the app first: the camera reads the activity's QR code and opens its page. */
function ScanCard() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [wrong, setWrong] = useState(false);
  const scanner = useQrScanner((text) => {
    const target = scanTargetOf(text, window.location.origin);
    setWrong(!target);
    if (target) navigate(`/v/scan?a=${encodeURIComponent(target.a)}&c=${encodeURIComponent(target.c)}`);
  });
  return (
    <section className="m-card">
      <video
        ref={scanner.video}
        muted
        playsInline
        style={{ width: '100%', borderRadius: 8, background: '#000', display: scanner.running ? 'block' : 'none' }}
      />
      {scanner.error && <p className="m-error">{t('volunteerPhone.cameraUnavailable', { message: scanner.error })}</p>}
      {wrong && <p className="m-error">{t('volunteerPhone.notVolunteerCode')}</p>}
      <button
        type="button"
        className={`m-btn m-btn-block${scanner.running ? '' : ' m-btn-primary'}`}
        style={{ marginTop: 0 }}
        onClick={() => (scanner.running ? scanner.stop() : void scanner.start())}
        data-testid="v-scan-start"
      >
        {scanner.running ? t('volunteerPhone.stopScan') : t('volunteerPhone.scanCheckin')}
      </button>
    </section>
  );
}

function NextSignups() {
  const { t } = useI18n();
  const mine = useMySignups();
  const next = (mine.data?.upcoming ?? []).filter((a) => a.mine.state !== 'cancelled');
  return (
    <Card
      title={t('volunteerPhone.nextSignups')}
      extra={<Link to="/volunteer/activities">{t('volunteerPhone.links.activities')}</Link>}
      testId="v-next"
    >
      {mine.isLoading ? (
        <Spinner />
      ) : mine.isError ? (
        <p className="m-error">{errorMessage(mine.error)}</p>
      ) : next.length === 0 ? (
        <p className="m-muted">{t('volunteerPhone.noNext')}</p>
      ) : (
        next.slice(0, 3).map((a) => (
          <div key={a.id} className="m-item">
            <Link to={`/volunteer/activities/${a.id}`} className="v-title">
              {a.title}
            </Link>
            <div className="m-muted">
              {spanOf(a)} · {a.place}
            </div>
            <MineChip mine={a.mine} />
          </div>
        ))
      )}
    </Card>
  );
}

function Recent() {
  const { t } = useI18n();
  const hours = useMyHours();
  const recent = hours.data?.recent ?? [];
  if (!hours.data) return null;
  return (
    <Card title={t('volunteerPhone.recent')} testId="v-recent">
      {recent.length === 0 ? (
        <p className="m-muted">{t('volunteerPhone.noRecent')}</p>
      ) : (
        recent.slice(0, 5).map((s) => (
          <div key={s.signupId} className="m-item">
            <Link to={`/volunteer/activities/${s.activityId}`} className="v-title">
              {s.activityTitle}
            </Link>
            <div className="m-line m-muted">
              <span>{spanOf(s)}</span>
              <span>{t(`volunteerPhone.states.${s.state}`)}</span>
              {s.minutes !== null && <strong>{t('volunteerPhone.minutes', { n: s.minutes })}</strong>}
              {s.penaltyMinutes > 0 && <span>{t('volunteerPhone.penaltyShort', { n: s.penaltyMinutes })}</span>}
            </div>
          </div>
        ))
      )}
    </Card>
  );
}

function Teams({ v }: { v: NonNullable<MyVolunteer['volunteer']> }) {
  const { t } = useI18n();
  if (v.teams.length === 0 && v.skills.length === 0) return null;
  return (
    <Card title={v.teams.length ? t('volunteerPhone.teams') : t('volunteerPhone.skills')}>
      {v.teams.map((team) => (
        <div key={team.membershipId} className="m-line">
          <span>{team.teamName}</span>
          {team.role === 'leader' && <span className="m-chip m-chip-done">{t('volunteerPhone.leader')}</span>}
        </div>
      ))}
      {v.skills.length > 0 && <div className="m-muted">{v.skills.join('、')}</div>}
    </Card>
  );
}

const LINKS = [
  { key: 'activities', to: '/volunteer/activities' },
  { key: 'certificates', to: '/volunteer/certificates' },
] as const;

/** 我的志愿 (/m/volunteer): registration when not registered; else hours and star, the scanner, sign-ups, links. */
export default function MVolunteerHome() {
  const { t } = useI18n();
  const me = useMyVolunteer();
  if (me.isLoading) return <Spinner full />;
  if (!me.data)
    return (
      <div className="m-page">
        <div className="m-card m-error">{errorMessage(me.error)}</div>
      </div>
    );
  const v = me.data.volunteer;
  return (
    <div className="m-page" data-testid="v-home">
      <div className="m-hello">
        <strong>{v?.name ?? t('volunteerPhone.title')}</strong>
        <span>{t('volunteerPhone.intro')}</span>
      </div>
      {!me.data.registered || !v ? (
        <MRegisterForm />
      ) : (
        <>
          <HoursCard />
          <ScanCard />
          <nav className="m-shortcuts" style={{ gridTemplateColumns: 'repeat(2, 1fr)' }}>
            {LINKS.map((l) => (
              <Link key={l.key} to={l.to} className="m-shortcut" data-testid={`v-link-${l.key}`}>
                <strong>{t(`volunteerPhone.links.${l.key}`)}</strong>
                <span>{t(`volunteerPhone.linkHints.${l.key}`)}</span>
              </Link>
            ))}
          </nav>
          <NextSignups />
          <Recent />
          <Teams v={v} />
        </>
      )}
    </div>
  );
}
