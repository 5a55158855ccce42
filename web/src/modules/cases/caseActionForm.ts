import type { CaseAction, CaseDetail, TransitionRequest } from '../../api/contracts';

/** Which fields each action's dialog asks for (the server's machine says which are required). */
export const NEEDS_REASON: readonly CaseAction[] = ['reject', 'return', 'fail_verification', 'reopen'];

export interface CaseActionValues {
  reason?: string;
  note?: string;
  categoryCode?: string;
  satisfaction?: TransitionRequest['satisfaction'];
  comment?: string;
}

export type TransitionExtra = Omit<TransitionRequest, 'action' | 'version'>;

/** The dialog's values as the transition's body: trimmed, blanks left out, the category only when it changed. */
export function transitionExtra(
  action: CaseAction,
  v: CaseActionValues,
  c: CaseDetail,
  photoIds: string[],
): TransitionExtra {
  const extra: TransitionExtra = {};
  if (v.reason?.trim()) extra.reason = v.reason.trim();
  if (v.note?.trim()) extra.note = v.note.trim();
  if (action === 'accept' && v.categoryCode && v.categoryCode !== c.categoryCode) extra.categoryCode = v.categoryCode;
  if (action === 'rate')
    Object.assign(extra, { satisfaction: v.satisfaction, comment: v.comment?.trim() || undefined, phoneVisit: true });
  if (action === 'resolve' && photoIds.length) extra.photoIds = photoIds;
  return extra;
}
