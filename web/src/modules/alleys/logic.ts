import type { AlleyRegionCases } from '../../../../src/modules/cases/cases.contracts';
import { inspectionScore, type ItemStatus, SIX_HAVES, type SixHave } from '../../../../src/modules/alleys/alleys.enums';

/** The inspection form's state: a status chosen (or not yet) and a note for each of the six. */
export type InspectionDraft = Record<SixHave, { status: ItemStatus | null; note: string }>;

export function emptyDraft(): InspectionDraft {
  return Object.fromEntries(SIX_HAVES.map((i) => [i, { status: null, note: '' }])) as InspectionDraft;
}

/** The statuses once every item has one, in the six's order; null while any is missing. */
function chosen(draft: InspectionDraft): ItemStatus[] | null {
  const statuses = SIX_HAVES.map((i) => draft[i].status);
  return statuses.every((s): s is ItemStatus => s !== null) ? statuses : null;
}

/** The score the server will compute (the same rule, alleys.enums.ts), shown before sending; null until complete. */
export function draftScore(draft: InspectionDraft): number | null {
  const statuses = chosen(draft);
  return statuses ? inspectionScore(statuses) : null;
}

/** The request body of a complete draft (notes trimmed, empty ones left out); null while incomplete. */
export function inspectionBody(draft: InspectionDraft, note: string) {
  if (!chosen(draft)) return null;
  return {
    items: SIX_HAVES.map((item) => {
      const n = draft[item].note.trim();
      return { item, status: draft[item].status as ItemStatus, ...(n ? { note: n } : {}) };
    }),
    ...(note.trim() ? { note: note.trim() } : {}),
  };
}

/** A score's colour band: 90 and over good, 60 and over fair, below poor; none before a first inspection. */
export function scoreTone(score: number | null): 'good' | 'fair' | 'poor' | 'none' {
  if (score === null) return 'none';
  return score >= 90 ? 'good' : score >= 60 ? 'fair' : 'poor';
}

export const TONE_COLOUR = { good: 'green', fair: 'orange', poor: 'red', none: 'default' } as const;
export const STATUS_COLOUR: Record<ItemStatus, string> = { present: 'green', needs_work: 'orange', missing: 'red' };

/** The figures line's values, shared by the staff page and the phone: open, solved, the median time to resolve. */
export function caseFigureVars(c: AlleyRegionCases, hours: (n: number) => string) {
  return {
    open: c.open,
    resolved: c.resolved,
    median: c.medianResolveHours === null ? '—' : hours(c.medianResolveHours),
  };
}
