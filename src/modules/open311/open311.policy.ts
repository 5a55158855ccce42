import { AppError } from '../../core/errors.js';
import type { KeyHolder } from './open311.keys.js';

/**
 * Who may use the gateway. Managing clients is the `open311.clients` permission (the county admin, checked in the
 * routes); a client's key gives it its own requests to raise and every request to read (GeoReport v2's lists are
 * public by design; nothing personal is in them). A revoked key may do nothing.
 */
export function assertKeyUsable(holder: KeyHolder): void {
  if (holder.revoked) throw new AppError('FORBIDDEN');
}
