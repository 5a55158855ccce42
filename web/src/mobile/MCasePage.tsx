import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../api/client';
import { SATISFACTION_LIST, type CaseDetail, type CaseStatus, type Satisfaction } from '../api/contracts';
import { labelOf, useI18n } from '../i18n';
import { caseKeys, transitionCase, useCase } from '../modules/cases/api';
import { useCategoryLabel } from '../modules/cases/labels';
import { formatDateTime, formatShortDateTime } from '../ui/format';
import { Card, Spinner, StatusChip } from './parts';
import { useToast } from './Toast';

/** The steps a resident sees, and how far the case has come along them. */
const STEPS = ['reported', 'accepted', 'in_progress', 'resolved', 'closed', 'rated'] as const;
const STEP_OF: Record<CaseStatus, number> = {
  reported: 0,
  rejected: 0,
  accepted: 1,
  dispatched: 2,
  acknowledged: 2,
  in_progress: 2,
  returned: 1,
  reopened: 1,
  resolved: 3,
  verified: 3,
  closed: 4,
  rated: 6,
};

function Progress({ status }: { status: CaseStatus }) {
  const at = STEP_OF[status];
  return (
    <ol className="m-steps">
      {STEPS.map((s, i) => (
        <li key={s} className={i < at ? 'done' : i === at ? 'now' : ''}>
          <span className="m-step-dot" />
          <span>{labelOf('caseStatus', s)}</span>
        </li>
      ))}
    </ol>
  );
}

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

function Rate({ c, onDone }: { c: CaseDetail; onDone: (d: CaseDetail) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [value, setValue] = useState<Satisfaction | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!value) return;
    setBusy(true);
    try {
      const d = await transitionCase(c.id, {
        action: 'rate',
        version: c.version,
        satisfaction: value,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      toast.show(t('mobile.rated'), 'success');
      onDone(d);
    } catch (err) {
      toast.error(err instanceof ApiError && err.code === 'STALE_UPDATE' ? new Error(t('mobile.stale')) : err);
    } finally {
      setBusy(false);
    }
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

function Reopen({ c, onDone }: { c: CaseDetail; onDone: (d: CaseDetail) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!reason.trim()) return;
    setBusy(true);
    try {
      const d = await transitionCase(c.id, { action: 'reopen', version: c.version, reason: reason.trim() });
      toast.show(t('mobile.reopened'), 'success');
      onDone(d);
    } catch (err) {
      toast.error(err);
    } finally {
      setBusy(false);
    }
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

/** One of my reports: where it stands, its photos, its progress, and — once closed — my rating. */
export default function MCasePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const qc = useQueryClient();
  const q = useCase(id);
  const categoryLabel = useCategoryLabel();
  const c = q.data;
  const settle = (d: CaseDetail) => {
    qc.setQueryData(caseKeys.detail(d.id), d);
    void qc.invalidateQueries({ queryKey: caseKeys.all, predicate: (x) => x.queryKey[1] !== 'detail' });
  };
  if (q.isLoading) return <Spinner full />;
  if (q.isError || !c) {
    return (
      <div className="m-page">
        <div className="m-card m-error">
          {q.error instanceof ApiError && q.error.status === 404 ? t('mobile.notFound') : errorMessage(q.error)}
        </div>
        <Link to="/cases" className="m-link">
          {t('mobile.back')}
        </Link>
      </div>
    );
  }
  return (
    <div className="m-page" data-testid="m-case">
      <Link to="/cases" className="m-link m-back">
        ‹ {t('mobile.myCases')}
      </Link>
      <Card testId="m-case-head">
        <div className="m-case-top">
          <span className="mono m-muted" data-testid="m-case-number">
            {c.number}
          </span>
          <span data-testid="m-case-status">
            <StatusChip status={c.status} />
          </span>
        </div>
        <div className="m-case-title">{c.title}</div>
        <div className="m-muted">
          {categoryLabel(c.categoryCode, c.categoryName)} · {formatShortDateTime(c.reportedAt)}
        </div>
        {c.status !== 'rejected' && <Progress status={c.status} />}
      </Card>
      {c.actions.includes('rate') && <Rate c={c} onDone={settle} />}
      {c.actions.includes('reopen') && c.satisfaction === 'unsatisfied' && <Reopen c={c} onDone={settle} />}
      {c.satisfaction && (
        <Card testId="m-rating">
          <strong>{t('mobile.yourRating', { value: labelOf('satisfaction', c.satisfaction) })}</strong>
          {c.ratingComment && <p className="m-muted">{c.ratingComment}</p>}
        </Card>
      )}
      <Card title={t('mobile.caseDescription')}>
        <p className="m-desc">{c.description}</p>
        {c.address && <p className="m-muted">{c.address}</p>}
        {c.photos.some((p) => p.kind === 'report') && (
          <div className="m-photos">
            {c.photos
              .filter((p) => p.kind === 'report')
              .map((p) => (
                <a key={p.id} href={p.url} target="_blank" rel="noreferrer" className="m-photo done">
                  <img src={p.thumbUrl} alt="" loading="lazy" />
                </a>
              ))}
          </div>
        )}
      </Card>
      {c.photos.some((p) => p.kind !== 'report') && (
        <Card title={t('mobile.resolutionPhotos')}>
          <div className="m-photos">
            {c.photos
              .filter((p) => p.kind !== 'report')
              .map((p) => (
                <a key={p.id} href={p.url} target="_blank" rel="noreferrer" className="m-photo done">
                  <img src={p.thumbUrl} alt="" loading="lazy" />
                </a>
              ))}
          </div>
        </Card>
      )}
      <Card title={t('mobile.timeline')} testId="m-timeline">
        <ol className="m-timeline">
          {[...c.events].reverse().map((e) => (
            <li key={e.id}>
              <div className="m-tl-head">
                <strong>{labelOf('caseEvent', e.action)}</strong>
                <span className="m-muted">{formatDateTime(e.at)}</span>
              </div>
              {e.note && <div className="m-tl-note">{e.note}</div>}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
