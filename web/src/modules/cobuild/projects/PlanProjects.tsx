import { Card, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { EmptyState, LoadError, Loading } from '../../../ui/states';
import { type ProjectView, type useProjects } from './api';
import { progressStatusColumns } from './columns';
import { DomainTag, UnitsCell } from './parts';

/** A plan's top-level projects, in domain order, each opening its project page. */
export function PlanProjects({ projects }: { projects: ReturnType<typeof useProjects> }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  if (projects.isError) return <LoadError error={projects.error} onRetry={() => void projects.refetch()} />;
  if (projects.isPending) return <Loading />;
  return (
    <Card size="small">
      <Table<ProjectView>
        rowKey="id"
        size="middle"
        className="clickable-rows"
        dataSource={projects.data.items}
        pagination={false}
        locale={{ emptyText: <EmptyState /> }}
        scroll={{ x: 'max-content' }}
        data-testid="plan-projects"
        onRow={(r) => ({ onClick: () => navigate(`/cobuild/projects/${r.id}`) }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'domain', title: t('projects.domain'), render: (_, p) => <DomainTag value={p.domain} /> },
          {
            key: 'name',
            title: t('projects.name'),
            render: (_, p) => (
              <>
                {p.name}
                {p.childCount > 0 && (
                  <Typography.Text type="secondary">
                    {' '}
                    · {t('projects.children')} {p.childCount}
                  </Typography.Text>
                )}
              </>
            ),
          },
          { key: 'units', title: t('projects.units'), responsive: ['lg'], render: (_, p) => <UnitsCell project={p} /> },
          {
            key: 'dates',
            title: t('projects.dates'),
            responsive: ['md'],
            render: (_, p) => `${p.startOn} ~ ${p.endOn}`,
          },
          ...progressStatusColumns(t),
        ]}
      />
    </Card>
  );
}
