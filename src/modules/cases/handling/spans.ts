/**
 * Who handled a case on site, and from when to when — read from the case's own timeline (case_events), never typed.
 *
 * A handler is the account that recorded arriving on site — the case's 'start' (到场处置), or a unit's 'unit_arrive' on
 * its dispatch row — and later recorded finishing — the case's 'resolve', or the unit's 'unit_done'. Their span runs
 * from their latest arrival before their last finish to that finish. Only the current round counts: a failed
 * verification or a reopened rating starts a new one, and the work before it is not this round's. Letting the case
 * go (returning it, a unit returning or declining its row) ends the actor's arrival: coming back later is a new
 * arrival. An account that arrived and never finished (another finished for it), or finished without recording an
 * arrival (resolved straight from 'acknowledged'), has no recorded span, so it gets none: hours are never guessed.
 *
 * Pure, so the demo applies the same rule (src/seed/memberservice-cases.ts): the events come in as read, in time
 * order (at, then id); cases/handling/record.ts turns spans into ledger records for the accounts that belong to a
 * Party member, at the case's verification, skipping what spanRefusal (or the ledger's overlap check) refuses.
 */
import { createHash } from 'node:crypto';
import { localDayOf } from '../../../core/calendar.js';
import { MAX_RECORD_MINUTES } from '../../ledger/ledger.enums.js';

export interface HandlingEvent {
  at: Date;
  action: string;
  actorUserId: string | null;
  note: string | null;
}

export interface HandlingSpan {
  userId: string;
  startsAt: Date;
  endsAt: Date;
  /** What the handler reported when finishing (the resolution note), kept as the record's evidence. */
  note: string | null;
}

const ARRIVALS: ReadonlySet<string> = new Set(['start', 'unit_arrive']);
const FINISHES: ReadonlySet<string> = new Set(['resolve', 'unit_done']);
const RELEASES: ReadonlySet<string> = new Set(['return', 'unit_return', 'unit_decline']);
/** A new round of work: the case came back unsolved (not verified, or reopened after its rating). */
const ROUND_STARTS: ReadonlySet<string> = new Set(['fail_verification', 'reopen']);

/** The events of the current round: those after the last event that started a new one. */
export function currentRound<E extends Pick<HandlingEvent, 'action'>>(events: readonly E[]): E[] {
  let from = 0;
  events.forEach((e, i) => {
    if (ROUND_STARTS.has(e.action)) from = i + 1;
  });
  return events.slice(from);
}

/** Each account's span in the current round (at most one per account: its last), in the order they finished. */
export function handlingSpans(events: readonly HandlingEvent[]): HandlingSpan[] {
  const arrived = new Map<string, Date>();
  const spans = new Map<string, HandlingSpan>();
  for (const e of currentRound(events)) {
    const user = e.actorUserId;
    if (!user) continue;
    if (ARRIVALS.has(e.action)) arrived.set(user, e.at);
    else if (RELEASES.has(e.action)) arrived.delete(user);
    else if (FINISHES.has(e.action)) finish(arrived, spans, user, e);
  }
  return [...spans.values()];
}

function finish(arrived: Map<string, Date>, spans: Map<string, HandlingSpan>, user: string, e: HandlingEvent): void {
  const from = arrived.get(user);
  const last = spans.get(user);
  if (from) {
    arrived.delete(user);
    spans.delete(user);
    spans.set(user, { userId: user, startsAt: from, endsAt: e.at, note: e.note });
  } else if (last && last.endsAt.getTime() === e.at.getTime()) {
    // A unit's 'unit_done' and the case's 'resolve' it causes are one finish (same instant, same account).
    last.note ??= e.note;
  }
}

/** Why a handler's span is not recorded (written nowhere in the ledger, listed on the verification's audit row). */
export type SkipReason = 'multi_day' | 'too_short' | 'overlap' | 'self_verified';

/**
 * Why a span is refused before the ledger is asked (the overlap is the ledger's own check, at the write), or null:
 * - 'self_verified': the handler verified their own work (the same account or person);
 * - 'too_short': under a minute;
 * - 'multi_day': it does not end on the county day it began (every span over 24 hours among them). Arriving one day and
 *   finishing the next says the case stayed open overnight, not that anyone served through the night: the recorded
 *   times do not tell the hours, and capping them would count hours nobody recorded. A visit within one day is what
 *   the times do tell.
 */
export function spanRefusal(
  span: HandlingSpan,
  verifier: { userId: string | null; personId: string | null },
  handlerPersonId: string,
  minutes: number,
): SkipReason | null {
  if (span.userId === verifier.userId || handlerPersonId === verifier.personId) return 'self_verified';
  if (minutes < 1) return 'too_short';
  const lastInstant = new Date(span.endsAt.getTime() - 1);
  if (minutes > MAX_RECORD_MINUTES || localDayOf(lastInstant) !== localDayOf(span.startsAt)) return 'multi_day';
  return null;
}

/**
 * The source a verification's records name: a UUID (RFC 9562 version 8) made from the case and its verify event, so
 * one verification writes at most one record per member and writing it again finds the same record.
 */
export function verificationSourceId(caseId: string, verifyEventId: number): string {
  const h = createHash('sha256').update(`case-verification:${caseId}:${verifyEventId}`).digest();
  h[6] = (h[6] & 0x0f) | 0x80;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
