import { Card, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { EmptyState, LoadError, Loading } from '../../../ui/states';
import { type PlanView, usePlans } from './api';
import { PlanStatusTag, ProgressBar, yuan } from './parts';

/** The plans view of the projects page: one row per community plan of the year, opening the plan page. */
export function PlanList({ query }: { query: Record<string, string | number | undefined> }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const plans = usePlans({ ...query, pageSize: 50 });
  if (plans.isError) return <LoadError error={plans.error} onRetry={() => void plans.refetch()} />;
  if (plans.isPending) return <Loading />;
  return (
    <Card size="small">
      <Table<PlanView>
        data-testid="plans-table"
        rowKey="id"
        size="middle"
        className="clickable-rows"
        dataSource={plans.data.items}
        pagination={false}
        locale={{ emptyText: <EmptyState /> }}
        onRow={(r) =>
          ({
            onClick: () => navigate(`/cobuild/projects/plan/${r.communityId}/${r.year}`),
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          { key: 'community', title: t('projects.community'), render: (_, p) => p.communityName },
          { key: 'year', title: t('projects.year'), responsive: ['md'], render: (_, p) => p.year },
          { key: 'status', title: t('projects.planStatus'), render: (_, p) => <PlanStatusTag value={p.status} /> },
          { key: 'count', title: t('projects.projectCount'), align: 'right', render: (_, p) => p.projectCount },
          {
            key: 'budget',
            title: t('projects.totalBudget'),
            align: 'right',
            responsive: ['md'],
            render: (_, p) => yuan(p.budget, language),
          },
          {
            key: 'progress',
            title: t('projects.averageProgress'),
            render: (_, p) => (
              <ProgressBar project={{ progress: p.averageProgress, status: 'in_progress' }} width={100} />
            ),
          },
        ]}
      />
    </Card>
  );
}
