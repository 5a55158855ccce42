import type { caseEvents } from '../cases.schema.js';

type EventRow = typeof caseEvents.$inferSelect;

/**
 * A unit's step that moves the whole case is stored twice, and both rows stay: the unit's own event (which unit,
 * which dispatch row, 代报到 or not) and the case's transition (from which state to which). The timeline shows it
 * once: the case transition the step caused is folded into the unit's event, which keeps the unit's action, note and
 * data and takes the transition's states.
 */
const CAUSED_BY: Record<string, string> = {
  unit_acknowledge: 'acknowledge',
  unit_proxy_acknowledge: 'acknowledge',
  unit_arrive: 'start',
  unit_done: 'resolve',
  unit_return: 'return',
  unit_decline: 'return',
};

// Both rows are written in one transaction with the same instant and actor (dispatch/unit-inbox.ts, proxy.ts).
const keyOf = (e: EventRow, action: string) => `${e.at.getTime()}|${e.actorUserId ?? ''}|${action}`;

export function mergeUnitSteps(events: readonly EventRow[]): EventRow[] {
  const transitions = new Map<string, EventRow>();
  for (const e of events) if (!e.action.startsWith('unit_')) transitions.set(keyOf(e, e.action), e);
  const folded = new Set<EventRow>();
  const merged = new Map<EventRow, EventRow>();
  for (const e of events) {
    const caused = CAUSED_BY[e.action];
    const t = caused ? transitions.get(keyOf(e, caused)) : undefined;
    if (!t || folded.has(t)) continue;
    folded.add(t);
    merged.set(e, {
      ...e,
      fromStatus: t.fromStatus,
      toStatus: t.toStatus,
      note: e.note ?? t.note,
      data: { ...(t.data ?? {}), ...(e.data ?? {}), caseAction: t.action },
    });
  }
  return events.filter((e) => !folded.has(e)).map((e) => merged.get(e) ?? e);
}
