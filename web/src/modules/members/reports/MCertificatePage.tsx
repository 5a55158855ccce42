import { Link } from 'react-router-dom';
import { addStrings, useI18n } from '../../../i18n';
import { Card, Spinner } from '../../../mobile/parts';
import { useToast } from '../../../mobile/Toast';
import { formatDate } from '../../../ui/format';
import { cardUrl, type MyReports, useMyReports, useWithdraw } from './api';
import memberReportsStrings from './i18n';
import { DL } from './MScanPage';

// The phone app's start-up strings leave out the member pages' (a resident never opens them): they come here.
addStrings(memberReportsStrings);

function StatusLine({ mine }: { mine: MyReports }) {
  const { t } = useI18n();
  return (
    <p>
      <span className={mine.reported ? 'm-chip m-chip-done' : 'm-chip m-chip-warn'} data-testid="m-reported">
        {mine.reported
          ? t('memberReports.reportedYes', { date: formatDate(mine.renewBy) })
          : t('memberReports.reportedNo')}
      </span>
    </p>
  );
}

function Certificate({ mine }: { mine: MyReports }) {
  const { t } = useI18n();
  const c = mine.certificate;
  if (!c) return <div className="m-card m-empty">{t('memberReports.noCertificate')}</div>;
  return (
    <Card title={t('memberReports.myTitle')} testId="m-certificate">
      <img
        src={cardUrl(c.id, 'png')}
        alt={c.serial}
        style={{ width: '100%', maxWidth: 360, display: 'block', margin: '0 auto', borderRadius: 8 }}
        data-testid="m-certificate-card"
      />
      <dl style={DL}>
        <dt>{t('memberReports.serial')}</dt>
        <dd>{c.serial}</dd>
        <dt>{t('memberReports.expiresAt')}</dt>
        <dd>
          {formatDate(c.expiresAt)}{' '}
          {c.status !== 'live' && (
            <span className="m-chip m-chip-off">
              {t(`memberReports.status.${c.revokeReason === 'replaced' ? 'replaced' : c.status}`)}
            </span>
          )}
        </dd>
      </dl>
      <a className="m-btn m-btn-block" href={cardUrl(c.id, 'pdf')} target="_blank" rel="noreferrer">
        {t('memberReports.downloadPdf')}
      </a>
    </Card>
  );
}

function History({ mine }: { mine: MyReports }) {
  const { t } = useI18n();
  const toast = useToast();
  const withdraw = useWithdraw();
  if (!mine.items.length) return null;
  const onWithdraw = async (id: string) => {
    try {
      await withdraw.mutateAsync(id);
      toast.show(t('memberReports.withdrawn'));
    } catch (err) {
      toast.show(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <Card title={t('memberReports.history')}>
      {mine.items.map((r) => (
        <div key={r.id} style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }} data-testid="m-report-item">
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <span>
              {formatDate(r.appliedAt)} · {r.communityName}
            </span>
            <span className="m-chip m-chip-off">{t(`memberReports.states.${r.state}`)}</span>
          </div>
          {r.declineReason && (
            <small>
              {t('memberReports.declineReason')}：{r.declineReason}
            </small>
          )}
          {r.state === 'pending' && (
            <button
              type="button"
              className="m-btn m-btn-small"
              disabled={withdraw.isPending}
              onClick={() => void onWithdraw(r.id)}
              data-testid="m-report-withdraw"
            >
              {t('memberReports.withdraw')}
            </button>
          )}
        </div>
      ))}
    </Card>
  );
}

/** 我的报到证 on the phone: whether I count as reported, my certificate's card (QR) and PDF, my applications. */
export default function MCertificatePage() {
  const { t } = useI18n();
  const mine = useMyReports();
  if (mine.isLoading) return <Spinner full />;
  if (mine.isError || !mine.data)
    return (
      <div className="m-page">
        <div className="m-card m-error">{mine.error?.message}</div>
      </div>
    );
  const m = mine.data;
  if (!m.inService)
    return (
      <div className="m-page">
        <div className="m-card m-empty">{t('memberReports.notInService')}</div>
      </div>
    );
  const pending = m.items.some((r) => r.state === 'pending');
  return (
    <div className="m-page" data-testid="m-my-certificate">
      <StatusLine mine={m} />
      <Certificate mine={m} />
      {!pending && (
        <Link className="m-btn m-btn-primary m-btn-block" to="/report-duty" data-testid="m-apply-link">
          {m.certificate ? t('memberReports.applyAgain') : t('memberReports.applyNow')}
        </Link>
      )}
      <History mine={m} />
    </div>
  );
}
