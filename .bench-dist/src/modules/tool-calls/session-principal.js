import { storedPrincipal } from '../../common/auth/principal.js';
/** The app user a session belongs to, as recorded when it was opened. */ export function sessionPrincipal(session) {
    return storedPrincipal({
        actor: `user:${session.userId}`,
        tenantId: session.tenantId,
        roles: session.roles
    });
}

//# sourceMappingURL=session-principal.js.map