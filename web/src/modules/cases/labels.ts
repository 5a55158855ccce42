import { useCallback } from 'react';
import { useI18n } from '../../i18n';
import { categoryName, useCategories } from './api';

/** The category of a case in the current language (the list carries the Chinese name; the tree has both). */
export function useCategoryLabel() {
  const { language } = useI18n();
  const cats = useCategories();
  const data = cats.data;
  return useCallback(
    (code: string, fallback?: string) => {
      const hit = data?.find((c) => c.code === code);
      return hit ? categoryName(hit, language) : (fallback ?? code);
    },
    [data, language],
  );
}
