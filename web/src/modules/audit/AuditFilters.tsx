import { DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { labelOptions, useI18n } from '../../i18n';
import type { ListParams } from '../../ui/useListParams';

export const AUDIT_FILTERS = ['entityType', 'object', 'action', 'from', 'to'] as const;
export type AuditFilter = (typeof AUDIT_FILTERS)[number];

/** Who (the user's name), what record (its type, and its number or name), which action, and when. */
export function AuditFilters({ list }: { list: ListParams<AuditFilter> }) {
  const { t } = useI18n();
  const f = list.filters;
  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('audit.actorFilter')}
        defaultValue={list.q}
        onSearch={(v) => list.setFilter('q', v.trim() || undefined)}
        data-testid="audit-actor"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('audit.entityFilter')}
        value={f.entityType}
        onChange={(v: string | undefined) => list.setFilter('entityType', v)}
        options={labelOptions('entityType')}
        data-testid="audit-entity"
      />
      <Input.Search
        allowClear
        className="filter-wide"
        placeholder={t('audit.objectFilter')}
        defaultValue={f.object}
        onSearch={(v) => list.setFilter('object', v.trim() || undefined)}
        data-testid="audit-object"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        className="filter-wide"
        placeholder={t('audit.actionFilter')}
        value={f.action}
        onChange={(v: string | undefined) => list.setFilter('action', v)}
        options={labelOptions('auditAction')}
        data-testid="audit-action"
      />
      <DatePicker.RangePicker
        className="filter-auto"
        allowEmpty={[true, true]}
        value={[f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null]}
        onChange={(range) =>
          list.setFilters({
            from: range?.[0] ? range[0].startOf('day').format() : undefined,
            to: range?.[1] ? range[1].endOf('day').format() : undefined,
          })
        }
        data-testid="audit-range"
      />
    </>
  );
}
