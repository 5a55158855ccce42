import { Card, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import type { ProjectView } from './api';
import { progressStatusColumns } from './columns';
import { yuan } from './parts';

/** A project's sub-projects, each opening its own page. */
export function ProjectChildren({ items }: { items: ProjectView[] }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  return (
    <Card size="small" title={`${t('projects.children')}（${items.length}）`}>
      <Table<ProjectView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        className="clickable-rows"
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ onClick: () => navigate(`/cobuild/projects/${r.id}`) }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('projects.name'), render: (_, c) => c.name },
          {
            key: 'budget',
            title: t('projects.budget'),
            align: 'right',
            responsive: ['md'],
            render: (_, c) => yuan(c.budget, language),
          },
          ...progressStatusColumns(t),
        ]}
      />
    </Card>
  );
}
