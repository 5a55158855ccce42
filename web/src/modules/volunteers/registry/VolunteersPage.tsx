import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { seesWholeCounty } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { addStrings, useI18n } from '../../../i18n';
import { ListSearch } from '../../../ui/ListFilters';
import { ListPage } from '../../../ui/ListPage';
import { PagedTable } from '../../../ui/PagedTable';
import { sortOrderOf, useListParams } from '../../../ui/useListParams';
import { OrgSelect } from '../../org/OrgSelect';
import { useTeamOptions, useVolunteers, VOLUNTEER_STATES, type VolunteerView } from '../api';
import volunteerStrings from '../i18n';
import { countyDay } from '../time';
import { VolunteerFormModal } from './VolunteerDialogs';

addStrings(volunteerStrings);

const FILTERS = ['communityId', 'teamId', 'state', 'skill'] as const;

function useColumns(sort: string | undefined): ColumnsType<VolunteerView> {
  const { t } = useI18n();
  return [
    {
      key: 'name',
      title: t('volunteers.volunteer'),
      sorter: true,
      sortOrder: sortOrderOf(sort ?? 'name', 'name'),
      render: (_, v) => (
        <>
          <div>
            {v.name} {v.state === 'inactive' && <Tag>{t('volunteers.volunteerStates.inactive')}</Tag>}
          </div>
          {v.phone && <Typography.Text type="secondary">{v.phone}</Typography.Text>}
        </>
      ),
    },
    {
      key: 'community',
      title: t('volunteers.community'),
      responsive: ['md'],
      render: (_, v) => v.communityName ?? '—',
    },
    {
      key: 'teams',
      title: t('volunteers.registry.teams'),
      render: (_, v) =>
        v.teams.length
          ? v.teams.map((tm) => (
              <Tag key={tm.membershipId} color={tm.role === 'leader' ? 'gold' : undefined}>
                {tm.teamName}
                {tm.role === 'leader' ? ` · ${t('volunteers.teamRoles.leader')}` : ''}
              </Tag>
            ))
          : '—',
    },
    {
      key: 'skills',
      title: t('volunteers.skills'),
      responsive: ['lg'],
      render: (_, v) => (v.skills.length ? v.skills.map((s) => <Tag key={s}>{s}</Tag>) : '—'),
    },
    {
      key: 'availability',
      title: t('volunteers.registry.availability'),
      responsive: ['xl'],
      render: (_, v) => v.availability ?? '—',
    },
    {
      key: 'registeredAt',
      title: t('volunteers.registry.registeredAt'),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'registeredAt'),
      responsive: ['md'],
      render: (_, v) => countyDay(v.registeredAt),
    },
  ];
}

/** 志愿者: the registry of the caller's scope (filters), registering a person, and a volunteer's changes. */
export default function VolunteersPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const list = useListParams(FILTERS);
  const rows = useVolunteers(list.query);
  const teams = useTeamOptions(list.filters.communityId);
  const columns = useColumns(list.sort);
  const [registering, setRegistering] = useState(false);
  const [editing, setEditing] = useState<VolunteerView | null>(null);
  const manage = can('volunteers.manage');
  const f = list.filters;
  return (
    <ListPage
      title={t('volunteers.registry.title')}
      activeFilters={FILTERS.filter((k) => f[k]).length}
      actions={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="vr-register">
            {t('volunteers.registry.register')}
          </Button>
        )
      }
      filters={
        <>
          <ListSearch list={list} placeholder={t('volunteers.registry.search')} />
          {seesWholeCounty(me) && (
            <OrgSelect
              kind="community"
              value={f.communityId}
              placeholder={t('volunteers.community')}
              onChange={(v) => list.setFilters({ communityId: v, teamId: undefined })}
            />
          )}
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('volunteers.team')}
            value={f.teamId}
            onChange={(v) => list.setFilter('teamId', v)}
            options={(teams.data?.items ?? []).map((tm) => ({ value: tm.id, label: tm.name }))}
          />
          <Input.Search
            allowClear
            placeholder={t('volunteers.registry.skillFilter')}
            defaultValue={f.skill}
            onSearch={(v) => list.setFilter('skill', v.trim())}
          />
          <Select
            allowClear
            placeholder={t('volunteers.allStates')}
            value={f.state}
            onChange={(v) => list.setFilter('state', v)}
            options={VOLUNTEER_STATES.map((s) => ({ value: s, label: t(`volunteers.volunteerStates.${s}`) }))}
          />
        </>
      }
    >
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {t('volunteers.registry.subtitle')}
      </Typography.Paragraph>
      <PagedTable<VolunteerView>
        result={rows}
        list={list}
        testId="volunteers-table"
        rowTestId="vr-row"
        className={manage ? 'clickable-rows' : undefined}
        onOpen={(v) => manage && setEditing(v)}
        columns={columns}
        scroll={{ x: 'max-content' }}
      />
      {registering && <VolunteerFormModal open onClose={() => setRegistering(false)} />}
      {editing && <VolunteerFormModal open volunteer={editing} onClose={() => setEditing(null)} />}
    </ListPage>
  );
}
