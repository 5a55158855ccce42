import type { TableColumnsType } from 'antd';
import type { useI18n } from '../../../i18n';
import type { ProjectView } from './api';
import { OverdueTags, ProgressBar, StatusTag } from './parts';

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
