/** Who is calling: an app user (bearer JWT) or an operator (API key). */ /** How a principal appears as an audit actor. */ export function actorOf(principal) {
    return principal.kind === 'user' ? `user:${principal.id}` : `api-key:${principal.id}`;
}
/**
 * The principal a stored record acted for, rebuilt from its audit actor (`user:<id>` or
 * `api-key:<id>`, see `actorOf`) and the tenant and roles recorded with it.
 */ export function storedPrincipal(stored) {
    const [kind, ...rest] = stored.actor.split(':');
    return {
        kind: kind === 'api-key' ? 'api-key' : 'user',
        id: rest.join(':'),
        tenantId: stored.tenantId,
        roles: stored.roles
    };
}

//# sourceMappingURL=principal.js.map