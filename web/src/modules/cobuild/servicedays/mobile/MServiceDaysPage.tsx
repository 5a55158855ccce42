import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { addStrings, useI18n } from '../../../../i18n';
import { Card, Spinner } from '../../../../mobile/parts';
import { useQrScanner } from '../../../../mobile/useQrScanner';
import { type MyServiceDay, useMyServiceDays } from '../api';
import { countyMinute, dayTokenOf } from './dayCode';
import serviceDaysPhoneStrings from './i18n';

// The phone app's start-up strings leave out the member pages' (a resident never opens them): they come here.
addStrings(serviceDaysPhoneStrings);

function DayItem({ d }: { d: MyServiceDay }) {
  const { t } = useI18n();
  return (
    <div className="m-item" data-testid="m-my-day">
      <div className="m-case-top">
        <strong>{d.theme}</strong>
        {d.checkedInAt ? (
          <span className="m-chip m-chip-done">
            {t('serviceDaysPhone.checkedIn', { time: countyMinute(d.checkedInAt).slice(5) })}
          </span>
        ) : d.window === 'open' ? (
          <span className="m-chip m-chip-wait">{t('serviceDaysPhone.openNow')}</span>
        ) : null}
      </div>
      <div className="m-muted">
        {d.date} {d.startTime}–{d.endTime} · {d.communityName}
      </div>
      <div className="m-muted">{d.place}</div>
      <div className="m-line" style={{ marginTop: 4 }}>
        {d.inMyCommunity && <span className="m-chip m-chip-off">{t('serviceDaysPhone.inMyCommunity')}</span>}
        {d.myUnitSignedUp && <span className="m-chip m-chip-work">{t('serviceDaysPhone.myUnit')}</span>}
        {d.status === 'cancelled' && (
          <span className="m-chip m-chip-warn">
            {t('serviceDaysPhone.cancelled', { reason: d.cancelReason ?? '' })}
          </span>
        )}
      </div>
    </div>
  );
}

/** The camera reads the day's QR code and opens its check-in page; any other code is said to be one. */
function ScanCard() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [wrong, setWrong] = useState(false);
  const scanner = useQrScanner((text) => {
    const token = dayTokenOf(text);
    setWrong(!token);
    if (token) navigate(`/service-days/checkin/${encodeURIComponent(token)}`);
  });
  return (
    <Card title={t('serviceDaysPhone.checkinTitle')}>
      <video
        ref={scanner.video}
        muted
        playsInline
        style={{ width: '100%', borderRadius: 8, background: '#000', display: scanner.running ? 'block' : 'none' }}
      />
      {scanner.error && (
        <p className="m-error">{t('serviceDaysPhone.cameraUnavailable', { message: scanner.error })}</p>
      )}
      {wrong && <p className="m-error">{t('serviceDaysPhone.notDayCode')}</p>}
      <button
        type="button"
        className={`m-btn m-btn-block${scanner.running ? '' : ' m-btn-primary'}`}
        style={{ marginTop: 0 }}
        onClick={() => (scanner.running ? scanner.stop() : void scanner.start())}
        data-testid="m-day-scan"
      >
        {scanner.running ? t('serviceDaysPhone.stopScan') : t('serviceDaysPhone.scan')}
      </button>
      <p className="m-muted" style={{ margin: '8px 0 0' }}>
        {t('serviceDaysPhone.scanHint')}
      </p>
    </Card>
  );
}

/**
 * 服务日 on a Party member's phone (/m/service-days): scan the day's QR code to check in, the coming days where I
 * live and those my unit signed up for (open for check-in now, or checked in), and the days I attended.
 */
export default function MServiceDaysPage() {
  const { t } = useI18n();
  const q = useMyServiceDays();
  const lists = [
    { key: 'upcoming', items: q.data?.upcoming ?? [], empty: t('serviceDaysPhone.noUpcoming') },
    { key: 'attended', items: q.data?.attended ?? [], empty: t('serviceDaysPhone.noAttended') },
  ] as const;
  return (
    <div className="m-page" data-testid="m-service-days">
      <div className="m-hello">
        <strong>{t('serviceDaysPhone.title')}</strong>
        <span>{t('serviceDaysPhone.intro')}</span>
      </div>
      <ScanCard />
      {lists.map((l) => (
        <Card key={l.key} title={t(`serviceDaysPhone.${l.key}`)} testId={`m-days-${l.key}`}>
          {q.isLoading ? (
            <Spinner />
          ) : q.isError ? (
            <p className="m-error">{q.error.message}</p>
          ) : l.items.length === 0 ? (
            <p className="m-muted">{l.empty}</p>
          ) : (
            l.items.map((d) => <DayItem key={d.id} d={d} />)
          )}
        </Card>
      ))}
    </div>
  );
}
