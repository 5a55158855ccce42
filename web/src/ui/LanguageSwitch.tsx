import { Segmented } from 'antd';
import { setLanguage, useI18n, type Language } from '../i18n';

/** 中文 / English switch; the choice is remembered on this device. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, language } = useI18n();
  return (
    <Segmented<Language>
      size="small"
      data-testid="lang-switch"
      aria-label={t('lang.label')}
      value={language}
      onChange={(v) => void setLanguage(v)}
      options={[
        { value: 'zh-CN', label: t('lang.zh') },
        { value: 'en', label: compact ? 'EN' : t('lang.en') },
      ]}
    />
  );
}
