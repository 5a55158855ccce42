import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { usePeopleSearch } from './api';

interface Props {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  testId?: string;
}

/** Choose a registered person by typing part of a name or phone (server-side search over /api/people?q=). */
export function PersonSelect({ value, onChange, placeholder, testId }: Props) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const people = usePeopleSearch(q);
  return (
    <Select<string>
      data-testid={testId}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      allowClear
      placeholder={placeholder ?? t('members.personSearch')}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={people.isFetching}
      notFoundContent={people.isError ? t('common.loadFailed') : t('common.empty')}
      options={(people.data?.items ?? []).map((p) => ({
        value: p.id,
        label: [p.name, p.phone, p.communityName].filter(Boolean).join(' · '),
      }))}
    />
  );
}
