import { describe, expect, it } from 'vitest';
import type { caseEvents } from '../cases.schema.js';
import { mergeUnitSteps } from './timeline.js';

type EventRow = typeof caseEvents.$inferSelect;

let nextId = 1;
const at = (minute: number) => new Date(Date.UTC(2027, 0, 20, 1, minute));
function ev(action: string, minute: number, actor: string, extra: Partial<EventRow> = {}): EventRow {
  return {
    id: nextId++,
    caseId: 'c',
    at: at(minute),
    actorUserId: actor,
    actorName: actor,
    action,
    fromStatus: null,
    toStatus: null,
    note: null,
    data: null,
    ...extra,
  };
}

describe('mergeUnitSteps: each unit step once', () => {
  it('folds the case transition a unit step caused into the unit event (same instant, same actor)', () => {
    const events = [
      ev('dispatch', 0, 'admin', { fromStatus: 'accepted', toStatus: 'dispatched' }),
      ev('unit_acknowledge', 5, 'u1', { data: { unitId: 'U1' } }),
      ev('acknowledge', 5, 'u1', { fromStatus: 'dispatched', toStatus: 'acknowledged', data: { unitIds: null } }),
      ev('unit_arrive', 9, 'u1', { data: { unitId: 'U1' } }),
      ev('start', 9, 'u1', { fromStatus: 'acknowledged', toStatus: 'in_progress' }),
      ev('unit_done', 20, 'u1', { note: '已修复', data: { unitId: 'U1' } }),
      ev('resolve', 20, 'u1', { fromStatus: 'in_progress', toStatus: 'resolved', note: '各责任单位已办结' }),
    ];
    const shown = mergeUnitSteps(events);
    expect(shown.map((e) => [e.action, e.fromStatus, e.toStatus, e.note])).toEqual([
      ['dispatch', 'accepted', 'dispatched', null],
      ['unit_acknowledge', 'dispatched', 'acknowledged', null],
      ['unit_arrive', 'acknowledged', 'in_progress', null],
      ['unit_done', 'in_progress', 'resolved', '已修复'],
    ]);
    expect(shown[1].data).toMatchObject({ unitId: 'U1', caseAction: 'acknowledge' });
  });

  it('keeps a unit step that moved nothing, a case action by someone else, and a decline that sent it back', () => {
    const events = [
      ev('unit_acknowledge', 5, 'u2', { data: { unitId: 'U2' } }),
      ev('acknowledge', 6, 'grid', { fromStatus: 'dispatched', toStatus: 'acknowledged' }),
      ev('return', 30, 'u3', { fromStatus: 'dispatched', toStatus: 'returned', note: '不属本单位' }),
      ev('unit_decline', 30, 'u3', { note: '不属本单位', data: { unitId: 'U3' } }),
    ];
    expect(mergeUnitSteps(events).map((e) => [e.action, e.toStatus])).toEqual([
      ['unit_acknowledge', null],
      ['acknowledge', 'acknowledged'],
      ['unit_decline', 'returned'],
    ]);
  });
});
