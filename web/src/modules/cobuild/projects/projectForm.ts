import dayjs, { type Dayjs } from 'dayjs';
import type { ProjectDetail, ProjectDomain } from './api';

/** The project form's fields; formValuesOf fills them from a project, projectFields turns them into the request. */
export interface ProjectFormValues {
  communityId: string;
  name: string;
  domain: ProjectDomain;
  lead: string;
  partners?: string[];
  budget?: number | null;
  resources?: string;
  dates: [Dayjs, Dayjs];
  parentId?: string | null;
  description?: string;
}

export function formValuesOf(project: ProjectDetail): Partial<ProjectFormValues> {
  return {
    communityId: project.communityId,
    name: project.name,
    domain: project.domain,
    budget: project.budget,
    resources: project.resources ?? undefined,
    lead: project.units.find((u) => u.role === 'lead')?.unitId,
    partners: project.units.filter((u) => u.role === 'partner').map((u) => u.unitId),
    dates: [dayjs(project.startOn), dayjs(project.endOn)],
    parentId: project.parentId,
    description: project.description ?? undefined,
  };
}

/** The lead unit first, then the partners without it; the picked dates as YYYY-MM-DD; empty texts as null. */
export function projectFields(v: ProjectFormValues) {
  return {
    name: v.name,
    domain: v.domain,
    budget: v.budget ?? null,
    resources: v.resources || null,
    description: v.description || null,
    units: [
      { unitId: v.lead, role: 'lead' as const },
      ...(v.partners ?? []).filter((u) => u !== v.lead).map((unitId) => ({ unitId, role: 'partner' as const })),
    ],
    startOn: v.dates[0].format('YYYY-MM-DD'),
    endOn: v.dates[1].format('YYYY-MM-DD'),
    parentId: v.parentId ?? null,
  };
}
