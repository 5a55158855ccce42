import type { Actor } from '../../core/auth/actor.js';
import { can } from '../../core/auth/permissions.js';
import { AppError } from '../../core/errors.js';

/**
 * The work calendar is public to every logged-in user (a resident sees when their case is due); only the county
 * organisation department edits it, because every clock and rate in the county is counted on it.
 */
export function assertCanWriteCalendar(actor: Actor): void {
  if (!can(actor, 'calendar.write')) throw new AppError('FORBIDDEN');
}
