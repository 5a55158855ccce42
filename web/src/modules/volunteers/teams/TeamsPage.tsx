import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { seesWholeCounty } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { addStrings, useI18n } from '../../../i18n';
import { ListSearch } from '../../../ui/ListFilters';
import { ListPage } from '../../../ui/ListPage';
import { PagedTable } from '../../../ui/PagedTable';
import { sortOrderOf, useListParams } from '../../../ui/useListParams';
import { OrgSelect } from '../../org/OrgSelect';
import { useSeries, useTeams, type VolunteerTeamView } from '../api';
import volunteerStrings from '../i18n';
import { useCatalogueName } from '../parts';
import { TeamFormModal } from './TeamFormModal';

addStrings(volunteerStrings);

const FILTERS = ['communityId', 'seriesId', 'active'] as const;

function useColumns(sort: string | undefined): ColumnsType<VolunteerTeamView> {
  const { t } = useI18n();
  const name = useCatalogueName();
  return [
    {
      key: 'name',
      title: t('volunteers.teams.name'),
      sorter: true,
      sortOrder: sortOrderOf(sort ?? 'name', 'name'),
      render: (_, tm) => (
        <>
          <div>
            {tm.name} {!tm.active && <Tag>{t('volunteers.teams.inactive')}</Tag>}
          </div>
          <Typography.Text type="secondary">{name(tm.seriesName, tm.seriesNameEn)}</Typography.Text>
        </>
      ),
    },
    {
      key: 'community',
      title: t('volunteers.community'),
      responsive: ['md'],
      render: (_, tm) => tm.communityName ?? t('volunteers.teams.countyWide'),
    },
    {
      key: 'leaders',
      title: t('volunteers.teams.leaders'),
      render: (_, tm) =>
        tm.leaders.length
          ? tm.leaders.map((l) => (
              <Tag key={l.volunteerId} color="gold">
                {l.name}
              </Tag>
            ))
          : '—',
    },
    {
      key: 'memberCount',
      title: t('volunteers.teams.memberCount'),
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'memberCount'),
      render: (_, tm) => tm.memberCount,
    },
  ];
}

/** 志愿服务队: the teams (a community's and the county-wide ones), and a new team for staff. */
export default function VolunteerTeamsPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const navigate = useNavigate();
  const list = useListParams(FILTERS);
  const rows = useTeams(list.query);
  const series = useSeries();
  const name = useCatalogueName();
  const columns = useColumns(list.sort);
  const [creating, setCreating] = useState(false);
  const f = list.filters;
  return (
    <ListPage
      title={t('volunteers.teams.title')}
      activeFilters={FILTERS.filter((k) => f[k]).length}
      actions={
        can('volunteers.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="vt-create">
            {t('volunteers.teams.create')}
          </Button>
        )
      }
      filters={
        <>
          <ListSearch list={list} placeholder={t('volunteers.teams.search')} />
          {seesWholeCounty(me) && (
            <OrgSelect
              kind="community"
              value={f.communityId}
              placeholder={t('volunteers.community')}
              onChange={(v) => list.setFilter('communityId', v)}
            />
          )}
          <Select
            allowClear
            placeholder={t('volunteers.series')}
            value={f.seriesId}
            onChange={(v) => list.setFilter('seriesId', v)}
            options={(series.data?.items ?? []).map((s) => ({ value: s.id, label: name(s.name, s.nameEn) }))}
          />
          <Select
            allowClear
            placeholder={t('volunteers.allStates')}
            value={f.active}
            onChange={(v) => list.setFilter('active', v)}
            options={[
              { value: 'true', label: t('volunteers.teams.active') },
              { value: 'false', label: t('volunteers.teams.inactive') },
            ]}
          />
        </>
      }
    >
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {t('volunteers.teams.subtitle')}
      </Typography.Paragraph>
      <PagedTable<VolunteerTeamView>
        result={rows}
        list={list}
        testId="volunteer-teams-table"
        rowTestId="vt-row"
        onOpen={(tm) => navigate(`/volunteer-teams/${tm.id}`)}
        columns={columns}
        scroll={{ x: 'max-content' }}
      />
      {creating && <TeamFormModal open onClose={() => setCreating(false)} />}
    </ListPage>
  );
}
