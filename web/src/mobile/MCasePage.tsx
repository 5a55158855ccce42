import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../api/client';
import type { CaseDetail } from '../api/contracts';
import { labelOf, useI18n } from '../i18n';
import { caseKeys, useCase } from '../modules/cases/api';
import { useCategoryLabel } from '../modules/cases/labels';
import { formatDateTime, formatShortDateTime } from '../ui/format';
import { PhotoStrip } from './case/PhotoStrip';
import { Progress } from './case/Progress';
import { RateCard } from './case/RateCard';
import { ReopenCard } from './case/ReopenCard';
import { Card, Spinner, StatusChip } from './parts';

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
      {c.actions.includes('rate') && <RateCard c={c} onDone={settle} />}
      {c.actions.includes('reopen') && c.satisfaction === 'unsatisfied' && <ReopenCard c={c} onDone={settle} />}
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
          <PhotoStrip photos={c.photos.filter((p) => p.kind === 'report')} />
        )}
      </Card>
      {c.photos.some((p) => p.kind !== 'report') && (
        <Card title={t('mobile.resolutionPhotos')}>
          <PhotoStrip photos={c.photos.filter((p) => p.kind !== 'report')} />
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
