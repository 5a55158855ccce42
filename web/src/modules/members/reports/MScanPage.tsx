import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { addStrings, useI18n } from '../../../i18n';
import { Card, Spinner } from '../../../mobile/parts';
import { formatDate } from '../../../ui/format';
import { useScan } from './api';
import memberReportsStrings from './i18n';
import { SCAN_ACTIONS } from './scanActions';

// The phone app's start-up strings leave out the member pages' (a resident never opens them): they come here.
addStrings(memberReportsStrings);

/** Label and value side by side (the phone stylesheet has no definition list). */
export const DL = { display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '6px 12px', margin: '8px 0 0' } as const;

/**
 * The staff phone page a scanned 报到证 opens (/m/scan/:token): the member, their registration and this year's
 * hours; a forged, expired or revoked certificate shows the server's reason. Actions come from SCAN_ACTIONS, or from
 * `children` when another page embeds this one.
 */
export default function MScanPage({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  const { token = '' } = useParams();
  const scan = useScan(token);
  if (scan.isLoading) return <Spinner full />;
  if (scan.isError || !scan.data)
    return (
      <div className="m-page">
        <div className="m-card m-error" data-testid="m-scan-error">
          {scan.error?.message}
        </div>
      </div>
    );
  const s = scan.data;
  return (
    <div className="m-page" data-testid="m-scan">
      <Card title={t('memberReports.scanTitle')}>
        <p style={{ fontSize: 20, margin: '4px 0' }}>
          <strong data-testid="m-scan-name">{s.memberName}</strong>
        </p>
        <p>
          <span className={s.reported ? 'm-chip m-chip-done' : 'm-chip m-chip-warn'}>
            {s.reported ? t('memberReports.scanReported') : t('memberReports.scanNotReported')}
          </span>
        </p>
        <dl style={DL}>
          <dt>{t('memberReports.unit')}</dt>
          <dd>{s.unitName ?? '—'}</dd>
          <dt>{t('memberReports.community')}</dt>
          <dd>{s.communityName}</dd>
          <dt>{t('memberReports.grid')}</dt>
          <dd>{s.gridName ?? '—'}</dd>
          <dt>{t('memberReports.phone')}</dt>
          <dd>{s.phone ?? '—'}</dd>
          <dt>{t('memberReports.serial')}</dt>
          <dd>{s.serial}</dd>
          <dt>{t('memberReports.expiresAt')}</dt>
          <dd>{formatDate(s.expiresAt)}</dd>
          <dt>{t('memberReports.hoursThisYear', { year: s.year })}</dt>
          <dd data-testid="m-scan-hours">{t('memberReports.hours', { h: s.hoursThisYear })}</dd>
        </dl>
      </Card>
      {SCAN_ACTIONS.map((Action, i) => (
        <Action key={i} scan={s} token={token} />
      ))}
      {children}
    </div>
  );
}
