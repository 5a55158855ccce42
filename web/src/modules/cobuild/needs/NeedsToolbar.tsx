import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select } from 'antd';
import { useI18n } from '../../../i18n';
import { ExportButton } from '../../../ui/ExportButton';
import { ListSearch } from '../../../ui/ListFilters';
import type { ListParams } from '../../../ui/useListParams';
import { OrgSelect } from '../../org/OrgSelect';
import { DOMAINS } from '../projects/api';
import { NEED_SOURCES, NEED_STATUSES } from './api';

export const NEED_FILTERS = ['communityId', 'status', 'priority', 'domain', 'source'] as const;
export type NeedFilters = ListParams<(typeof NEED_FILTERS)[number]>;

interface Props {
  list: NeedFilters;
  ownCommunity?: string;
  canWrite: boolean;
  onCreate: () => void;
}

/** Above the needs: community, status, priority, domain, source and search; export; a new need. */
export function NeedsToolbar({ list, ownCommunity, canWrite, onCreate }: Props) {
  const { t } = useI18n();
  const f = list.filters;
  return (
    <Flex className="filter-bar" wrap gap={8} style={{ marginBottom: 12 }}>
      {!ownCommunity && (
        <OrgSelect
          kind="community"
          value={f.communityId}
          placeholder={t('needs.community')}
          onChange={(v) => list.setFilter('communityId', v)}
          style={{ width: 150 }}
        />
      )}
      <Select
        allowClear
        value={f.status}
        placeholder={t('needs.status')}
        style={{ width: 110 }}
        onChange={(v) => list.setFilter('status', v)}
        options={NEED_STATUSES.map((s) => ({ value: s, label: t(`needs.statuses.${s}`) }))}
        data-testid="need-status"
      />
      <Select
        allowClear
        value={f.priority}
        placeholder={t('needs.priority')}
        style={{ width: 110 }}
        onChange={(v) => list.setFilter('priority', v)}
        options={[5, 4, 3, 2, 1].map((p) => ({
          value: String(p),
          label: t(`needs.priorities.p${p}` as 'needs.priorities.p1'),
        }))}
        data-testid="need-priority"
      />
      <Select
        allowClear
        value={f.domain}
        placeholder={t('needs.domain')}
        style={{ width: 130 }}
        onChange={(v) => list.setFilter('domain', v)}
        options={DOMAINS.map((d) => ({ value: d, label: t(`projects.domains.${d}`) }))}
      />
      <Select
        allowClear
        value={f.source}
        placeholder={t('needs.source')}
        style={{ width: 110 }}
        onChange={(v) => list.setFilter('source', v)}
        options={NEED_SOURCES.map((s) => ({ value: s, label: t(`needs.sources.${s}`) }))}
      />
      <ListSearch list={list} placeholder={t('needs.search')} width={200} />
      <span style={{ flex: 1 }} />
      <ExportButton path="/needs/export.xlsx" query={list.query} fileName="needs.xlsx" />
      {canWrite && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="need-create">
          {t('needs.newNeed')}
        </Button>
      )}
    </Flex>
  );
}
