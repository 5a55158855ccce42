import type { Actor } from '../../core/auth/actor.js';
import { can } from '../../core/auth/permissions.js';
import { AppError } from '../../core/errors.js';

/**
 * The organisation tree is public to every logged-in role that may read it (names, addresses, strengths);
 * changing it is the county organisation department's job.
 */
export function assertCanWriteOrganisations(actor: Actor): void {
  if (!can(actor, 'org.write')) throw new AppError('FORBIDDEN');
}
