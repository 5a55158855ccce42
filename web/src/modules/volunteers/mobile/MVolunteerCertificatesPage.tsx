import { errorMessage } from '../../../api/client';
import { addStrings, useI18n } from '../../../i18n';
import { Card, Spinner } from '../../../mobile/parts';
import { certificatePdfUrl, countyMinute, useMyCertificates } from './api';
import volunteerPhoneStrings from './i18n';
import './volunteer.css';

// The phone app's start-up strings leave out the volunteer pages' (most residents never open them): they come here.
addStrings(volunteerPhoneStrings);

/** A county day: a date as it is, an instant on the county's clock. */
const dayOf = (v: string) => (v.length === 10 ? v : countyMinute(v).slice(0, 10));

const TONE = { publicising: 'wait', issued: 'done', revoked: 'off' } as const;

/** 志愿服务证明 on the phone (/m/volunteer/certificates): mine, with serial, period, hours, 公示 and the PDF. */
export default function MVolunteerCertificatesPage() {
  const { t } = useI18n();
  const certs = useMyCertificates();
  if (certs.isLoading) return <Spinner full />;
  if (!certs.data)
    return (
      <div className="m-page">
        <div className="m-card m-error">{errorMessage(certs.error)}</div>
      </div>
    );
  const items = certs.data.items;
  return (
    <div className="m-page" data-testid="v-certificates">
      <Card title={t('volunteerPhone.certificatesTitle')}>
        {items.length === 0 ? (
          <p className="m-muted" data-testid="v-no-certificates">
            {t('volunteerPhone.noCertificates')}
          </p>
        ) : (
          items.map((c) => (
            <div key={c.id} className="m-item v-cert" data-testid="v-certificate">
              <div className="m-case-top">
                <strong>
                  {t('volunteerPhone.serial')} {c.serial}
                </strong>
                <span className={`m-chip m-chip-${TONE[c.state]}`}>{t(`volunteerPhone.certStates.${c.state}`)}</span>
              </div>
              <span>
                {t('volunteerPhone.period')} {c.periodFrom} ~ {c.periodTo}
              </span>
              <strong className="m-figure">
                {t('volunteerPhone.hoursAndActivities', { hours: c.hours, n: c.activities })}
              </strong>
              <span className="m-muted">{c.content}</span>
              <span className="m-muted">
                {t('volunteerPhone.issuedBy', { issuer: c.issuerName, date: dayOf(c.issuedAt) })}
              </span>
              {c.state === 'publicising' && (
                <span className="m-muted">{t('volunteerPhone.publicUntil', { date: dayOf(c.publicUntil) })}</span>
              )}
              {c.state === 'revoked' ? (
                <span className="m-error">{t('volunteerPhone.revoked', { reason: c.revokeReason ?? '' })}</span>
              ) : (
                <a
                  className="m-btn m-btn-small"
                  style={{ alignSelf: 'flex-start', marginTop: 4 }}
                  href={certificatePdfUrl(c.id)}
                  target="_blank"
                  rel="noreferrer"
                >
                  {t('volunteerPhone.pdf')}
                </a>
              )}
            </div>
          ))
        )}
      </Card>
    </div>
  );
}
