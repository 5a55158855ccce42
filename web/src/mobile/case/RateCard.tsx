import { useState } from 'react';
import { ApiError } from '../../api/client';
import { type CaseDetail, SATISFACTION_LIST, type Satisfaction } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { Card } from '../parts';
import { useResidentAction } from './useResidentAction';

/** A drawn face (emoji fonts are not on every phone). */
function Face({ kind }: { kind: Satisfaction }) {
  const mouth =
    kind === 'satisfied' ? 'M8 14.5q4 4 8 0' : kind === 'basically_satisfied' ? 'M8.5 15h7' : 'M8 16.5q4-3.5 8 0';
  return (
    <svg className="m-rate-face" viewBox="0 0 24 24" width="30" height="30" aria-hidden>
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <circle cx="8.5" cy="9.5" r="1.3" fill="currentColor" />
      <circle cx="15.5" cy="9.5" r="1.3" fill="currentColor" />
      <path d={mouth} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

export function RateCard({ c, onDone }: { c: CaseDetail; onDone: (d: CaseDetail) => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState<Satisfaction | null>(null);
  const [comment, setComment] = useState('');
  const { busy, run } = useResidentAction(c, onDone, t('mobile.rated'), (err) =>
    err instanceof ApiError && err.code === 'STALE_UPDATE' ? new Error(t('mobile.stale')) : err,
  );
  const submit = async () => {
    if (!value) return;
    await run({
      action: 'rate',
      version: c.version,
      satisfaction: value,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    });
  };
  return (
    <Card title={t('mobile.rateTitle')} testId="m-rate">
      <div className="m-rate-row">
        {SATISFACTION_LIST.map((s) => (
          <button
            key={s}
            type="button"
            className={`m-rate-btn ${s}${value === s ? ' on' : ''}`}
            onClick={() => setValue(s)}
            data-testid={`m-rate-${s}`}
          >
            <Face kind={s} />
            {labelOf('satisfaction', s)}
          </button>
        ))}
      </div>
      <textarea
        className="m-textarea"
        rows={2}
        maxLength={500}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t('mobile.rateComment')}
        data-testid="m-rate-comment"
      />
      <button
        type="button"
        className="m-btn m-btn-primary m-btn-block"
        disabled={!value || busy}
        onClick={() => void submit()}
        data-testid="m-rate-submit"
      >
        {t('mobile.rateSubmit')}
      </button>
    </Card>
  );
}
