import { storedPrincipal, type Principal } from '../../common/auth/principal.js';
import type { SessionRecord } from '../sessions/index.js';

/** The app user a session belongs to, as recorded when it was opened. */
export function sessionPrincipal(session: SessionRecord): Principal {
  return storedPrincipal({
    actor: `user:${session.userId}`,
    tenantId: session.tenantId,
    roles: session.roles,
  });
}
