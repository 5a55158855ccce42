import { Card, List, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { EmptyState, LoadError, Loading } from '../../../ui/states';
import { useIsMobile } from '../../../ui/useIsMobile';
import { sortParam } from '../../../ui/useListParams';
import { type ProjectView, useProjects } from './api';
import { projectListColumns } from './columns';
import { DomainTag, OverdueTags, ProgressBar, StatusTag } from './parts';
import type { ProjectListParams } from './projectsList';

/** The projects of the list view: a server-paged table, or cards on a phone. */
export function ProjectTable({
  query,
  list,
}: {
  query: Record<string, string | number | undefined>;
  list: ProjectListParams;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const projects = useProjects(query);
  const mobile = useIsMobile();
  if (projects.isError) return <LoadError error={projects.error} onRetry={() => void projects.refetch()} />;
  if (projects.isPending) return <Loading />;
  const pagination = {
    current: list.page,
    pageSize: list.pageSize,
    total: projects.data.total,
    showTotal: (n: number) => t('common.total', { count: n }),
    onChange: (p: number, s: number) => list.setPage(p, s),
  };
  if (mobile) {
    return (
      <List<ProjectView>
        data-testid="projects-list"
        dataSource={projects.data.items}
        pagination={{ ...pagination, simple: true, align: 'center' }}
        locale={{ emptyText: <EmptyState /> }}
        loading={projects.isFetching}
        renderItem={(p) => (
          <Card
            size="small"
            style={{ marginBottom: 8 }}
            onClick={() => navigate(`/cobuild/projects/${p.id}`)}
            hoverable
          >
            <Typography.Text strong>{p.name}</Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.communityName} · {p.endOn}
              </Typography.Text>
            </div>
            <ProgressBar project={p} />
            <Space size={4} wrap>
              <DomainTag value={p.domain} />
              <StatusTag value={p.status} />
              <OverdueTags project={p} />
            </Space>
          </Card>
        )}
      />
    );
  }
  return (
    <Card size="small">
      <Table<ProjectView>
        data-testid="projects-table"
        rowKey="id"
        size="middle"
        className="clickable-rows"
        loading={projects.isFetching}
        dataSource={projects.data.items}
        locale={{ emptyText: <EmptyState /> }}
        scroll={{ x: 'max-content' }}
        onRow={(r) =>
          ({
            onClick: () => navigate(`/cobuild/projects/${r.id}`),
            'data-testid': `project-row-${r.id}`,
          }) as HTMLAttributes<HTMLElement>
        }
        onChange={(_, __, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          list.setSort(sortParam(s?.columnKey, s?.order));
        }}
        pagination={pagination}
        columns={projectListColumns(t)}
      />
    </Card>
  );
}
