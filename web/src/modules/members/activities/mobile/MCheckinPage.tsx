import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { addStrings, useI18n } from '../../../../i18n';
import { Card, Spinner } from '../../../../mobile/parts';
import { useQrScanner } from '../../../../mobile/useQrScanner';
import { countyDay, timeRange, useOpenForCheckin } from '../api';
import postActivitiesStrings from '../i18n';

// The phone app's start-up strings leave out the member pages' (a resident never opens them): they come here.
addStrings(postActivitiesStrings);

/** The token in what was read or typed: the raw token, or a link whose path ends in /m/scan/<token>. */
function tokenOfText(text: string): string {
  const trimmed = text.trim();
  const at = trimmed.lastIndexOf('/m/scan/');
  if (at < 0) return trimmed;
  return decodeURIComponent(trimmed.slice(at + '/m/scan/'.length).split(/[?#]/)[0]);
}

/**
 * 活动签到 on a staff phone (/m/post-checkin): the activities open for check-in now in the staff's scope, and a
 * scanner for the member's 报到证 (the camera with jsQR, or the code typed or pasted). A read token opens the scan
 * page (/m/scan/:token), which shows the member and checks them in at one of these activities.
 */
export default function MCheckinPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const open = useOpenForCheckin();
  const [typed, setTyped] = useState('');
  const go = (text: string) => {
    const token = tokenOfText(text);
    if (token) navigate(`/scan/${encodeURIComponent(token)}`);
  };
  const scanner = useQrScanner(go);
  return (
    <div className="m-page" data-testid="m-checkin-page">
      <Card title={t('postActivities.scan')}>
        <video
          ref={scanner.video}
          muted
          playsInline
          style={{ width: '100%', borderRadius: 8, background: '#000', display: scanner.running ? 'block' : 'none' }}
        />
        {scanner.error && (
          <p className="m-error">{t('postActivities.cameraUnavailable', { message: scanner.error })}</p>
        )}
        <button
          type="button"
          className={`m-btn m-btn-block${scanner.running ? '' : ' m-btn-primary'}`}
          data-testid="m-scan-start"
          onClick={() => (scanner.running ? scanner.stop() : void scanner.start())}
        >
          {scanner.running ? t('postActivities.stopScan') : t('postActivities.scan')}
        </button>
        <label className="m-field">
          <span>{t('postActivities.tokenLabel')}</span>
          <input
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder={t('postActivities.tokenPlaceholder')}
            data-testid="m-token-input"
          />
        </label>
        <button
          type="button"
          className="m-btn m-btn-block"
          disabled={!typed.trim()}
          onClick={() => go(typed)}
          data-testid="m-token-go"
        >
          {t('postActivities.checkinByToken')}
        </button>
      </Card>
      <Card title={t('postActivities.openNow')}>
        {open.isLoading ? (
          <Spinner />
        ) : open.isError ? (
          <p className="m-error">{open.error.message}</p>
        ) : open.data?.items.length ? (
          open.data.items.map((a) => (
            <div key={a.id} style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }}>
              <strong>{a.title}</strong>
              <div className="m-muted">
                {a.communityName} · {countyDay(a.startsAt)} {timeRange(a)} · {a.place}
              </div>
              <div className="m-muted">
                {t('postActivities.inOfSignups', { n: a.checkedInCount, m: a.signupCount })}
              </div>
            </div>
          ))
        ) : (
          <p className="m-muted">{t('postActivities.noneOpen')}</p>
        )}
      </Card>
    </div>
  );
}
