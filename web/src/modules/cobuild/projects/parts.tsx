import { Progress, Space, Tag, Tooltip } from 'antd';
import { useI18n } from '../../../i18n';
import type { PlanStatus, ProjectDomain, ProjectStatus, ProjectView } from './api';

/** Small pieces shared by the projects pages: tags for domain, status and plan status, and a progress bar. */
const STATUS_COLOURS: Record<ProjectStatus, string> = {
  planned: 'default',
  in_progress: 'processing',
  done: 'success',
  delayed: 'error',
  cancelled: 'default',
};
const DOMAIN_COLOURS: Record<ProjectDomain, string> = {
  old_estate_renovation: 'geekblue',
  living_environment: 'green',
  civilised_city: 'magenta',
  anti_gang: 'volcano',
  flood_control: 'cyan',
  work_safety: 'orange',
  elderly_care: 'gold',
  culture: 'purple',
  other: 'default',
};
const PLAN_COLOURS: Record<PlanStatus, string> = { draft: 'default', submitted: 'processing', approved: 'success' };

export function DomainTag({ value }: { value: ProjectDomain }) {
  const { t } = useI18n();
  return <Tag color={DOMAIN_COLOURS[value]}>{t(`projects.domains.${value}`)}</Tag>;
}

export function StatusTag({ value }: { value: ProjectStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[value]} data-testid={`project-status-${value}`}>
      {t(`projects.statuses.${value}`)}
    </Tag>
  );
}

export function PlanStatusTag({ value }: { value: PlanStatus }) {
  const { t } = useI18n();
  return <Tag color={PLAN_COLOURS[value]}>{t(`projects.planStatuses.${value}`)}</Tag>;
}

export function ProgressBar({ project, width }: { project: Pick<ProjectView, 'progress' | 'status'>; width?: number }) {
  const status =
    project.status === 'done'
      ? 'success'
      : project.status === 'delayed'
        ? 'exception'
        : project.status === 'in_progress'
          ? 'active'
          : 'normal';
  return (
    <div style={{ minWidth: width ?? 120 }}>
      <Progress percent={project.progress} size="small" status={status} format={(p) => `${p ?? 0}%`} />
    </div>
  );
}

export function OverdueTags({ project }: { project: Pick<ProjectView, 'overdue' | 'milestoneOverdue' | 'nextDueOn'> }) {
  const { t } = useI18n();
  if (!project.overdue && !project.milestoneOverdue) return null;
  return (
    <Space size={4} wrap>
      {project.overdue && (
        <Tag color="red" data-testid="overdue-tag">
          {t('projects.overdue')}
        </Tag>
      )}
      {!project.overdue && project.milestoneOverdue && (
        <Tooltip title={`${t('projects.dueOn')} ${project.nextDueOn ?? ''}`}>
          <Tag color="orange">{t('projects.milestoneOverdue')}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

export function UnitsCell({ project }: { project: Pick<ProjectView, 'units'> }) {
  const { t } = useI18n();
  return (
    <Space size={[4, 4]} wrap>
      {project.units.map((u) => (
        <Tag
          key={u.unitId}
          color={u.role === 'lead' ? 'blue' : undefined}
          title={u.paired ? undefined : t('projects.notPaired')}
        >
          {u.unitName}
          {u.paired ? '' : ' *'}
        </Tag>
      ))}
    </Space>
  );
}

export const yuan = (n: number | null | undefined, lang: string) =>
  n === null || n === undefined ? '—' : new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(n);
