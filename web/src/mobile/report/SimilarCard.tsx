import type { SimilarCase } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { Card } from '../parts';

interface Props {
  matches: SimilarCase[];
  sameAs: SimilarCase | null;
  onSameAs: (c: SimilarCase | null) => void;
  onDismiss: () => void;
}

/** Open cases nearby in the same category: the resident may say "the same as this one" instead of a new case. */
export function SimilarCard({ matches, sameAs, onSameAs, onDismiss }: Props) {
  const { t } = useI18n();
  return (
    <Card title={t('mobile.similarTitle')} testId="m-similar">
      <p className="m-muted">{t('mobile.similarHint')}</p>
      {matches.slice(0, 3).map((m) => (
        <div key={m.id} className={`m-similar${sameAs?.id === m.id ? ' chosen' : ''}`}>
          <div>
            <div className="m-similar-title">{m.title}</div>
            <div className="m-muted">
              {m.number} · {labelOf('caseStatus', m.status)} · {t('mobile.distance', { m: Math.round(m.distanceM) })}
            </div>
          </div>
          <button
            type="button"
            className="m-btn m-btn-small"
            onClick={() => onSameAs(sameAs?.id === m.id ? null : m)}
            data-testid={`m-same-as-${m.id}`}
          >
            {sameAs?.id === m.id ? '✓' : t('mobile.sameAs')}
          </button>
        </div>
      ))}
      {!sameAs && (
        <button type="button" className="m-link" onClick={onDismiss}>
          {t('mobile.notSame')}
        </button>
      )}
      {sameAs && <div className="m-muted">{t('mobile.sameAsChosen', { number: sameAs.number })}</div>}
    </Card>
  );
}
