import { useState } from 'react';
import type { CaseDetail } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { Card } from '../parts';
import { useResidentAction } from './useResidentAction';

export function ReopenCard({ c, onDone }: { c: CaseDetail; onDone: (d: CaseDetail) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, run } = useResidentAction(c, onDone, t('mobile.reopened'));
  const submit = async () => {
    if (!reason.trim()) return;
    await run({ action: 'reopen', version: c.version, reason: reason.trim() });
  };
  return (
    <Card testId="m-reopen-card">
      <p>{t('mobile.reopenOffer')}</p>
      {!open ? (
        <button type="button" className="m-btn m-btn-block" onClick={() => setOpen(true)} data-testid="m-reopen">
          {t('mobile.reopen')}
        </button>
      ) : (
        <>
          <textarea
            className="m-textarea"
            rows={3}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('mobile.reopenReason')}
            data-testid="m-reopen-reason"
          />
          <button
            type="button"
            className="m-btn m-btn-primary m-btn-block"
            disabled={!reason.trim() || busy}
            onClick={() => void submit()}
            data-testid="m-reopen-submit"
          >
            {t('mobile.reopen')}
          </button>
        </>
      )}
    </Card>
  );
}
