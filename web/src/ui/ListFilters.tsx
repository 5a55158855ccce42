import { Input, Select } from 'antd';
import type { ListParams } from './useListParams';

/** The search box of a register's filter bar: runs on Enter or the button, kept in the address bar as `q`. */
export function ListSearch({
  list,
  placeholder,
  testId,
}: {
  list: Pick<ListParams<never>, 'q' | 'setFilter'>;
  placeholder: string;
  testId: string;
}) {
  return (
    <Input.Search
      className="filter-wide"
      allowClear
      placeholder={placeholder}
      defaultValue={list.q}
      onSearch={(v) => list.setFilter('q', v)}
      data-testid={testId}
    />
  );
}

/** A filter that takes several values, kept in the address bar as one comma-separated parameter. */
export function MultiFilter<K extends string>({
  list,
  name,
  placeholder,
  options,
  testId,
}: {
  list: ListParams<K>;
  name: K;
  placeholder: string;
  options: { value: string; label: string }[];
  testId?: string;
}) {
  const value = list.filters[name];
  return (
    <Select
      mode="multiple"
      allowClear
      className="filter-wide"
      placeholder={placeholder}
      value={value ? value.split(',') : []}
      maxTagCount="responsive"
      onChange={(v: string[]) => list.setFilter(name, v.join(','))}
      data-testid={testId}
      options={options}
    />
  );
}
