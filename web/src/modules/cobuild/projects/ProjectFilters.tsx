import { Select, Switch } from 'antd';
import { useI18n } from '../../../i18n';
import { ListSearch } from '../../../ui/ListFilters';
import { OrgSelect } from '../../org/OrgSelect';
import { DOMAINS, STATUSES } from './api';
import { type ProjectListParams, yearOptions } from './projectsList';

interface Props {
  list: ProjectListParams;
  year: string;
  view: 'list' | 'plans';
  ownCommunity?: string;
  ownUnit?: string;
}

/** The projects page's filters: year and community always; unit, domain, status, overdue and search on the list. */
export function ProjectFilters({ list, year, view, ownCommunity, ownUnit }: Props) {
  const { t } = useI18n();
  const f = list.filters;
  return (
    <>
      <Select
        value={year}
        options={yearOptions()}
        onChange={(v) => list.setFilter('year', v)}
        style={{ width: 100 }}
        data-testid="project-year"
      />
      {!ownCommunity && (
        <OrgSelect
          kind="community"
          value={f.communityId}
          placeholder={t('projects.community')}
          onChange={(v) => list.setFilter('communityId', v)}
          style={{ width: 150 }}
        />
      )}
      {view === 'list' && !ownUnit && (
        <OrgSelect
          kind="unit"
          value={f.unitId}
          placeholder={t('projects.unit')}
          onChange={(v) => list.setFilter('unitId', v)}
          style={{ width: 180 }}
        />
      )}
      {view === 'list' && (
        <>
          <Select
            allowClear
            value={f.domain}
            placeholder={t('projects.domain')}
            style={{ width: 140 }}
            onChange={(v) => list.setFilter('domain', v)}
            options={DOMAINS.map((d) => ({ value: d, label: t(`projects.domains.${d}`) }))}
            data-testid="project-domain"
          />
          <Select
            allowClear
            value={f.status}
            placeholder={t('projects.status')}
            style={{ width: 120 }}
            onChange={(v) => list.setFilter('status', v)}
            options={STATUSES.map((s) => ({ value: s, label: t(`projects.statuses.${s}`) }))}
            data-testid="project-status"
          />
          <span>
            <Switch
              size="small"
              checked={f.overdue === 'true'}
              onChange={(v) => list.setFilter('overdue', v ? 'true' : undefined)}
              data-testid="project-overdue"
            />{' '}
            {t('projects.overdueOnly')}
          </span>
          <ListSearch list={list} placeholder={t('projects.search')} width={200} />
        </>
      )}
    </>
  );
}
