import { eq, inArray } from 'drizzle-orm';
import { localInstant } from '../core/calendar.js';
import type { Actor } from '../core/auth/actor.js';
import type { Db } from '../core/db.js';
import { applyUnsatisfied } from '../modules/evaluations/evaluations.consequences.js';
import type { TransitionRequest } from '../modules/cases/cases.contracts.js';
import { cases } from '../modules/cases/cases.schema.js';
import { transitionCase } from '../modules/cases/cases.service.js';
import { evaluationFollowUps, evaluationItems } from '../modules/evaluations/evaluations.schema.js';
import type { DemoData } from './demo.js';

/**
 * 不满意 that reopens (评事 with consequences, demo side): in a held session, a case the resident rated unsatisfied and
 * that nothing has happened to since is judged 不满意 by the representatives too, and holding the session reopens it
 * through the service the hold uses (evaluations.consequences.ts applyUnsatisfied → transitionCase 'reopen': a new
 * round, its units' done dispatches reopened, follow-up tasks for the owner and units, notified), at the session's
 * instant, as the community admin who held it. Before the last held session the case is then handled again (a second
 * round through transitionCase) and its follow-ups are done; the last session's stay reopened with open follow-ups.
 * Other 不满意 verdicts get 督办 (demo-evaluations.ts).
 */
export interface ReopenCandidate {
  status: string;
  latestRating: string | null;
  lastEventAt: Date | null;
}

/** Whether holding a session at `at` reopens the case (the rule transitionCase applies: rated, latest unsatisfied). */
export function reopensAt(c: ReopenCandidate, at: Date): boolean {
  return c.status === 'rated' && c.latestRating === 'unsatisfied' && c.lastEventAt !== null && c.lastEventAt < at;
}

/** A demo user as the services see them, with their role bindings. */
function actorOf(data: DemoData, user: DemoData['users'][number]): Actor {
  const bindings = data.roleBindings
    .filter((b) => b.userId === user.id)
    .map((b) => ({ role: b.role, scopeOrgId: b.scopeOrgId ?? null, scopeGridId: b.scopeGridId ?? null }));
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    personId: user.personId ?? null,
    locale: 'zh-CN',
    bindings,
    ip: null,
    requestId: null,
  };
}

function communityAdmin(data: DemoData, communityId: string): Actor | null {
  const binding = data.roleBindings.find((b) => b.role === 'community_admin' && b.scopeOrgId === communityId);
  const user = binding && data.users.find((u) => u.id === binding.userId);
  return user ? actorOf(data, user) : null;
}

const HOUR = 3_600_000;

/**
 * The second round of a case a session reopened (when the session is not the last held one): the community hands it
 * back to the grid's owner, who reports and solves it; the community verifies and closes it (or leaves a reporter with
 * an account to rate it), all through transitionCase at instants after the session. Its follow-ups are then done.
 */
async function handleAgain(db: Db, data: DemoData, admin: Actor, caseId: string, at: Date): Promise<Date> {
  const [c] = await db
    .select({ ownerPersonId: cases.ownerPersonId, reporterUserId: cases.reporterUserId })
    .from(cases)
    .where(eq(cases.id, caseId));
  const ownerUser = c.ownerPersonId ? data.users.find((u) => u.personId === c.ownerPersonId) : undefined;
  const owner = ownerUser ? actorOf(data, ownerUser) : admin;
  type Step = [Actor, Omit<TransitionRequest, 'version'>, number];
  const steps: Step[] = [
    [admin, { action: 'dispatch', unitIds: [], instructions: '评事不满意，请网格员重新办理' }, 2],
    [owner, { action: 'acknowledge' }, 3],
    [owner, { action: 'start' }, 20],
    [owner, { action: 'resolve', note: '已按居民代表意见重新处理，现场复核问题已解决' }, 50],
    [admin, { action: 'verify' }, 70],
  ];
  // A reporter with an account rates the verified case; the community closes what no one can rate.
  if (!c.reporterUserId) steps.push([admin, { action: 'close' }, 72]);
  let last = at;
  for (const [actor, input, hours] of steps) {
    last = new Date(at.getTime() + hours * HOUR);
    const [{ version }] = await db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
    await transitionCase({ db, actor, caseId, input: { ...input, version }, now: last });
  }
  return last;
}

/**
 * Applies the held sessions' reopening verdicts in session order; a case reopened before the last held session is
 * handled again and its follow-ups done. Returns how many cases were reopened.
 */
export async function reopenJudgedCases(
  db: Db,
  data: DemoData,
  judged: { itemId: string; session: { id: string; heldOn: string; communityId: string }; last: boolean }[],
): Promise<number> {
  if (!judged.length) return 0;
  const items = await db
    .select()
    .from(evaluationItems)
    .where(
      inArray(
        evaluationItems.id,
        judged.map((j) => j.itemId),
      ),
    );
  let reopened = 0;
  for (const { itemId, session, last } of [...judged].sort((a, b) =>
    a.session.heldOn.localeCompare(b.session.heldOn),
  )) {
    const item = items.find((i) => i.id === itemId);
    const admin = communityAdmin(data, session.communityId);
    if (!item || !admin) continue;
    const at = localInstant(session.heldOn, '11:30');
    if ((await applyUnsatisfied(db, admin, session, item, at)) !== 'reopened') continue;
    reopened++;
    if (last) continue;
    const doneAt = await handleAgain(db, data, admin, item.caseId, at);
    await db
      .update(evaluationFollowUps)
      .set({ status: 'done', note: '已重新办理，回访居民认可', doneAt, doneByUserId: admin.userId, updatedAt: doneAt })
      .where(eq(evaluationFollowUps.itemId, item.id));
  }
  return reopened;
}
