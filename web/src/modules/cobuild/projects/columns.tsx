import { Space, type TableColumnsType, Typography } from 'antd';
import type { useI18n } from '../../../i18n';
import type { ProjectView } from './api';
import { DomainTag, OverdueTags, ProgressBar, StatusTag, UnitsCell } from './parts';

type Translate = ReturnType<typeof useI18n>['t'];

/** The last two columns of a plan's projects and of a project's sub-projects: progress, then status with overdue. */
export function progressStatusColumns(t: Translate): TableColumnsType<ProjectView> {
  return [
    { key: 'progress', title: t('projects.progress'), render: (_, p) => <ProgressBar project={p} width={100} /> },
    {
      key: 'status',
      title: t('projects.status'),
      render: (_, p) => (
        <>
          <StatusTag value={p.status} />
          <OverdueTags project={p} />
        </>
      ),
    },
  ];
}

/** The projects list's table (server-sorted by name, dates and progress); on a phone the list shows cards instead. */
export function projectListColumns(t: Translate): TableColumnsType<ProjectView> {
  return [
    {
      key: 'name',
      title: t('projects.name'),
      sorter: true,
      render: (_, p) => (
        <div style={{ maxWidth: 320 }}>
          <Typography.Text strong>{p.name}</Typography.Text>
          {p.childCount > 0 && (
            <Typography.Text type="secondary">
              {' '}
              · {t('projects.children')} {p.childCount}
            </Typography.Text>
          )}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.communityName}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      key: 'domain',
      title: t('projects.domain'),
      responsive: ['md'],
      render: (_, p) => <DomainTag value={p.domain} />,
    },
    {
      key: 'units',
      title: t('projects.units'),
      responsive: ['lg'],
      render: (_, p) => (
        <div style={{ maxWidth: 260 }}>
          <UnitsCell project={p} />
        </div>
      ),
    },
    {
      key: 'endOn',
      title: t('projects.dates'),
      sorter: true,
      responsive: ['lg'],
      render: (_, p) => `${p.startOn} ~ ${p.endOn}`,
    },
    {
      key: 'progress',
      title: t('projects.progress'),
      sorter: true,
      render: (_, p) => <ProgressBar project={p} width={110} />,
    },
    {
      key: 'status',
      title: t('projects.status'),
      render: (_, p) => (
        <Space direction="vertical" size={4}>
          <StatusTag value={p.status} />
          <OverdueTags project={p} />
        </Space>
      ),
    },
  ];
}
