import { Checkbox, Select, Tag, TreeSelect } from 'antd';
import { CASE_CHANNEL_LIST, CASE_STATUS_LIST, type CountedEvent } from '../../api/contracts';
import { seesWholeCounty } from '../../auth/access';
import { useSession } from '../../auth/session';
import { labelOf, useI18n } from '../../i18n';
import { ListSearch } from '../../ui/ListFilters';
import type { ListParams } from '../../ui/useListParams';
import { OrgSelect } from '../org/OrgSelect';
import { useCategoryTree } from './api';

export const CASE_FILTERS = [
  'status',
  'channel',
  'category',
  'communityId',
  'supervised',
  'whistle',
  'mine',
  // A statistic's cases (a figure's link): the event and its period (GET /api/cases `counted`).
  'counted',
  'countedFrom',
  'countedTo',
] as const;
export type CaseFilter = (typeof CASE_FILTERS)[number];

const csv = (v: string | undefined) => (v ? v.split(',').filter(Boolean) : []);

type Filters = { list: ListParams<CaseFilter> };

/** Search, status and channel (several at once), category, community, 督办, 吹哨 and "mine". */
export function CaseFilters({ list }: Filters) {
  const { t } = useI18n();
  const { me } = useSession();
  const f = list.filters;
  const manyCommunities = seesWholeCounty(me);
  return (
    <>
      <ListSearch list={list} placeholder={t('cases.searchPlaceholder')} testId="cases-search" />
      <StatusChannelFilters list={list} />
      <CategoryFilter list={list} />
      {manyCommunities && (
        <OrgSelect
          kind="community"
          value={f.communityId}
          placeholder={t('cases.communityFilter')}
          testId="cases-community-filter"
          onChange={(v) => list.setFilter('communityId', v)}
        />
      )}
      <SupervisedWhistleFilters list={list} />
      {f.counted && <CountedFilter list={list} />}
      <Checkbox
        className="filter-auto"
        checked={f.mine === 'true'}
        onChange={(e) => list.setFilter('mine', e.target.checked ? 'true' : undefined)}
        data-testid="cases-mine-filter"
      >
        {t('cases.mineFilter')}
      </Checkbox>
    </>
  );
}

function StatusChannelFilters({ list }: Filters) {
  const { t } = useI18n();
  const f = list.filters;
  return (
    <>
      <Select
        className="filter-wide"
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('cases.statusFilter')}
        value={csv(f.status)}
        onChange={(v: string[]) => list.setFilter('status', v.join(',') || undefined)}
        data-testid="cases-status-filter"
        options={CASE_STATUS_LIST.map((s) => ({ value: s, label: labelOf('caseStatus', s) }))}
      />
      <Select
        className="filter-wide"
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('cases.channelFilter')}
        value={csv(f.channel)}
        onChange={(v: string[]) => list.setFilter('channel', v.join(',') || undefined)}
        data-testid="cases-channel-filter"
        options={CASE_CHANNEL_LIST.map((s) => ({ value: s, label: labelOf('caseChannel', s) }))}
      />
    </>
  );
}

function CategoryFilter({ list }: Filters) {
  const { t } = useI18n();
  const categories = useCategoryTree(false);
  return (
    <TreeSelect
      className="filter-wide"
      allowClear
      showSearch
      treeNodeFilterProp="title"
      placeholder={t('cases.categoryFilter')}
      value={list.filters.category}
      onChange={(v: string | undefined) => list.setFilter('category', v)}
      treeData={categories.tree}
      loading={categories.isLoading}
      data-testid="cases-category-filter"
      popupMatchSelectWidth={false}
    />
  );
}

/** 督办 (yes or no) and 吹哨 (any, by whom, or none). */
function SupervisedWhistleFilters({ list }: Filters) {
  const { t } = useI18n();
  const f = list.filters;
  return (
    <>
      <Select
        allowClear
        placeholder={t('cases.supervisedFilter')}
        value={f.supervised}
        data-testid="cases-supervised-filter"
        onChange={(v: string | undefined) => list.setFilter('supervised', v)}
        options={[
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ]}
      />
      <Select
        allowClear
        placeholder={t('cases.whistleFilter')}
        value={f.whistle}
        data-testid="cases-whistle-filter"
        onChange={(v: string | undefined) => list.setFilter('whistle', v)}
        options={[
          { value: 'any', label: t('cases.whistleAny') },
          { value: 'resident', label: labelOf('whistle', 'resident') },
          { value: 'community', label: labelOf('whistle', 'community') },
          { value: 'none', label: t('caseFigures.whistleNone') },
        ]}
      />
    </>
  );
}

/** A statistic's cases (opened from a figure): its event and period, closed to see every case again. */
function CountedFilter({ list }: Filters) {
  const { t } = useI18n();
  const f = list.filters;
  return (
    <Tag
      closable
      data-testid="cases-counted-filter"
      onClose={() => list.setFilters({ counted: undefined, countedFrom: undefined, countedTo: undefined })}
    >
      {t('caseFigures.countedFilter', {
        event: t(`caseFigures.event_${f.counted as CountedEvent}`),
        from: f.countedFrom ?? '',
        to: f.countedTo ?? '',
      })}
    </Tag>
  );
}
