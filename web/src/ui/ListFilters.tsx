import { Input, Select } from 'antd';
import type { ListParams } from './useListParams';

/**
 * The search box of a register's filter bar: runs on Enter or the button, kept in the address bar as `q`.
 * `width` is for bars outside `.filter-bar` (whose `filter-wide` sets it); `trim` drops surrounding spaces before
 * they reach the address bar (the server trims `q` anyway).
 */
export function ListSearch({
  list,
  placeholder,
  testId,
  width,
  trim = false,
}: {
  list: Pick<ListParams<never>, 'q' | 'setFilter'>;
  placeholder: string;
  testId?: string;
  width?: number;
  trim?: boolean;
}) {
  return (
    <Input.Search
      className="filter-wide"
      style={width === undefined ? undefined : { width }}
      allowClear
      placeholder={placeholder}
      defaultValue={list.q}
      onSearch={(v) => list.setFilter('q', trim ? v.trim() : v)}
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
