import type { OrgKind } from './org.contracts.js';
import { ALLOWED_PARENTS } from './org.enums.js';

export function isAllowedParent(kind: OrgKind, parentKind: OrgKind | null): boolean {
  return ALLOWED_PARENTS[kind].includes(parentKind);
}

/** True when making `candidateParentId` the parent of `id` would close a loop, given each node's parent. */
export function wouldCreateCycle(
  id: string,
  candidateParentId: string | null,
  parentOf: (id: string) => string | null | undefined,
): boolean {
  const seen = new Set<string>();
  for (let cur = candidateParentId; cur; cur = parentOf(cur) ?? null) {
    if (cur === id) return true;
    if (seen.has(cur)) return true;
    seen.add(cur);
  }
  return false;
}
