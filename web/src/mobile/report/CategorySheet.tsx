import type { CaseCategory } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { categoryName } from '../../modules/cases/api';

interface Props {
  categories: CaseCategory[];
  /** The category in effect (chosen or suggested), highlighted. */
  current: string | undefined;
  onChoose: (code: string) => void;
  onClose: () => void;
}

/** Every category, by its top-level group, full screen: for when the suggestion is wrong. */
export function CategorySheet({ categories, current, onChoose, onClose }: Props) {
  const { t, language } = useI18n();
  return (
    <div className="m-sheet" role="dialog">
      <div className="m-sheet-head">
        <button type="button" className="m-link" onClick={onClose}>
          {t('mobile.back')}
        </button>
        <strong>{t('mobile.category')}</strong>
        <span />
      </div>
      <div className="m-sheet-body">
        {categories
          .filter((c) => !c.parentCode)
          .map((top) => (
            <div key={top.code} className="m-cat-group">
              <div className="m-cat-title">{categoryName(top, language)}</div>
              <div className="m-alt">
                {categories
                  .filter((c) => c.parentCode === top.code)
                  .map((c) => (
                    <button
                      key={c.code}
                      type="button"
                      className={`m-chip ${current === c.code ? 'm-chip-work' : 'm-chip-off'}`}
                      onClick={() => onChoose(c.code)}
                    >
                      {categoryName(c, language)}
                    </button>
                  ))}
              </div>
            </div>
          ))}
      </div>
    </div>
  );
}
