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
 * Pure: the events come in as read, in time order (at, then id); cases/handling/record.ts turns spans into ledger
 * records for the accounts that belong to a Party member.
 */

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
