import type { ClassifyResponse } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { formatPercent } from '../../ui/format';
import { Card } from '../parts';

interface Props {
  description: string;
  onChange: (text: string) => void;
  /** The classifier's suggestion for the text so far, while it is being asked, and the category chosen by hand. */
  suggestion: ClassifyResponse | undefined;
  classifying: boolean;
  chosenCategory: string | null;
  chosenName: string | null;
  onChoose: (code: string) => void;
  onOtherCategory: () => void;
}

/** The description, with the category the classifier suggests and its runners-up (5 % or more) to pick instead. */
export function DescriptionCard(p: Props) {
  const { t } = useI18n();
  const s = p.suggestion;
  const alternatives = s ? s.alternatives.filter((a) => a.confidence >= 0.05) : [];
  return (
    <Card title={t('mobile.description')}>
      <textarea
        className="m-textarea"
        rows={4}
        maxLength={2000}
        value={p.description}
        onChange={(e) => p.onChange(e.target.value)}
        placeholder={t('mobile.descriptionPlaceholder')}
        data-testid="m-description"
      />
      <div className="m-suggest" data-testid="m-suggested-category">
        {p.chosenName ? (
          <span className="m-chip m-chip-work">{p.chosenName}</span>
        ) : s ? (
          <span className="m-chip m-chip-work">
            {t('mobile.suggestedCategory', { name: s.categoryName })} · {formatPercent(s.confidence, 0)}
          </span>
        ) : p.classifying ? (
          <span className="m-muted">{t('mobile.classifying')}</span>
        ) : null}
        {(s || p.chosenName) && (
          <button type="button" className="m-link" onClick={p.onOtherCategory} data-testid="m-category-other">
            {t('mobile.otherCategory')}
          </button>
        )}
      </div>
      {s && !p.chosenCategory && alternatives.length > 0 && (
        <div className="m-alt">
          {alternatives.slice(0, 3).map((a) => (
            <button key={a.category} type="button" className="m-chip m-chip-off" onClick={() => p.onChoose(a.category)}>
              {a.categoryName}
            </button>
          ))}
        </div>
      )}
    </Card>
  );
}
