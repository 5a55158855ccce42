/**
 * The pure rules of project progress and status (no database), shared by the service, the seed and the tests.
 *
 * Progress of a project, in this order:
 * 1. with sub-projects that are not cancelled: their progress, weighted by budget when every one of them has a
 *    budget above zero, otherwise equally (a budget-less child would otherwise count for nothing);
 * 2. with milestones: the weight of the done milestones over the total weight;
 * 3. otherwise the manual figure (0 when none was given).
 * Status: cancelled (explicit) → done (progress 100) → delayed (end date passed, or an own milestone overdue) →
 * planned (nothing done and not started yet) → in progress.
 */
import type { ProjectStatus } from './projects.enums.js';

export { PROJECT_STATUSES, type ProjectStatus } from './projects.enums.js';
export interface MilestoneFacts {
  weight: number;
  dueOn: string;
  doneOn: string | null;
}

export interface ChildFacts {
  progress: number;
  budget: number | null;
  cancelled: boolean;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function milestoneProgress(milestones: MilestoneFacts[]): number {
  const total = milestones.reduce((s, m) => s + m.weight, 0);
  if (total <= 0) return 0;
  const done = milestones.reduce((s, m) => s + (m.doneOn ? m.weight : 0), 0);
  return round1((done / total) * 100);
}

export function childrenProgress(children: ChildFacts[]): number {
  const live = children.filter((c) => !c.cancelled);
  if (!live.length) return 0;
  const byBudget = live.every((c) => (c.budget ?? 0) > 0);
  const weightOf = (c: ChildFacts) => (byBudget ? (c.budget as number) : 1);
  const total = live.reduce((s, c) => s + weightOf(c), 0);
  return round1(live.reduce((s, c) => s + weightOf(c) * c.progress, 0) / total);
}

export type ProgressSource = 'children' | 'milestones' | 'manual';

export function progressSource(facts: { milestones: MilestoneFacts[]; children: ChildFacts[] }): ProgressSource {
  if (facts.children.some((c) => !c.cancelled)) return 'children';
  return facts.milestones.length ? 'milestones' : 'manual';
}

export function rollUp(facts: {
  milestones: MilestoneFacts[];
  children: ChildFacts[];
  manualProgress: number | null;
}): number {
  const source = progressSource(facts);
  if (source === 'children') return childrenProgress(facts.children);
  if (source === 'milestones') return milestoneProgress(facts.milestones);
  return round1(Math.min(100, Math.max(0, facts.manualProgress ?? 0)));
}

/** The earliest due date among the open milestones (ISO dates compare as strings). */
export function nextDue(milestones: MilestoneFacts[]): string | null {
  let best: string | null = null;
  for (const m of milestones) if (!m.doneOn && (best === null || m.dueOn < best)) best = m.dueOn;
  return best;
}

export interface StatusFacts {
  cancelled: boolean;
  progress: number;
  startOn: string;
  endOn: string;
  nextDueOn: string | null;
}

/**
 * `today` is the county's calendar day (YYYY-MM-DD). The server reads status in SQL (statusSql, projects.query.ts);
 * projects.status.api.test.ts checks that both give the same status for every combination of facts.
 */
export function deriveStatus(p: StatusFacts, today: string): ProjectStatus {
  if (p.cancelled) return 'cancelled';
  if (p.progress >= 100) return 'done';
  if (p.endOn < today || (p.nextDueOn !== null && p.nextDueOn < today)) return 'delayed';
  if (p.progress <= 0 && p.startOn > today) return 'planned';
  return 'in_progress';
}

/** The end date has passed and the project is neither done nor cancelled. */
export function isOverdue(p: StatusFacts, today: string): boolean {
  return !p.cancelled && p.progress < 100 && p.endOn < today;
}

export function isMilestoneOverdue(m: MilestoneFacts, today: string): boolean {
  return !m.doneOn && m.dueOn < today;
}

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export function countyToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}
