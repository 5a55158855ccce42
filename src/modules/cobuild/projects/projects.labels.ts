import type { ProjectDomain } from './projects.contracts.js';
import type { ProjectStatus } from './projects.rollup.js';

/** Chinese labels for spreadsheets and the seed (the web has its own, in both languages). */
export const DOMAIN_LABELS: Record<ProjectDomain, string> = {
  old_estate_renovation: '老旧小区改造',
  living_environment: '人居环境整治',
  civilised_city: '文明创城',
  anti_gang: '扫黑除恶',
  flood_control: '防汛',
  work_safety: '安全生产',
  elderly_care: '养老助老',
  culture: '文化惠民',
  other: '其他',
};

export const STATUS_LABELS: Record<ProjectStatus, string> = {
  planned: '未开始',
  in_progress: '进行中',
  done: '已完成',
  delayed: '已延期',
  cancelled: '已取消',
};

export const PLAN_STATUS_LABELS = { draft: '草稿', submitted: '已提交', approved: '已审批' } as const;

export function domainByLabel(label: string): ProjectDomain | undefined {
  const t = label.trim();
  return (Object.entries(DOMAIN_LABELS) as [ProjectDomain, string][]).find(([k, v]) => v === t || k === t)?.[0];
}
