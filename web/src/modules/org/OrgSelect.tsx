import { Select } from 'antd';
import type { CSSProperties } from 'react';
import type { OrgKind } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { useOrgOptions } from './api';

interface Props {
  kind: OrgKind;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  className?: string;
  allowClear?: boolean;
  disabled?: boolean;
  testId?: string;
}

/** A searchable select over every organisation of one kind (communities, units, branches). */
export function OrgSelect({
  kind,
  value,
  onChange,
  placeholder,
  style,
  className,
  allowClear = true,
  disabled,
  testId,
}: Props) {
  const { t } = useI18n();
  const q = useOrgOptions(kind);
  return (
    <Select<string>
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      placeholder={placeholder ?? t('common.selectPlaceholder')}
      allowClear={allowClear}
      disabled={disabled}
      loading={q.isLoading}
      style={style}
      className={className}
      showSearch={{ optionFilterProp: 'label' }}
      options={(q.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      notFoundContent={q.isError ? t('common.loadFailed') : undefined}
    />
  );
}
