import type { Principal } from '../../common/auth/principal.js';
import type { SessionRecord } from '../sessions/session.record.js';

/** The app user a session belongs to, as recorded when it was opened. */
export function sessionPrincipal(session: SessionRecord): Principal {
  return { kind: 'user', id: session.userId, tenantId: session.tenantId, roles: session.roles };
}
