/** Who is calling: an app user (bearer JWT) or an operator (API key). */
export interface Principal {
  readonly kind: 'user' | 'api-key';
  /** The JWT's user claim, or the API key's id (`key_…`). */
  readonly id: string;
  /** From the JWT's tenant claim; operators' keys are not tenant-scoped (null). */
  readonly tenantId: string | null;
  readonly roles: readonly string[];
  /** An API key's name, for logs and the audit trail. */
  readonly name?: string;
}

/** How a principal appears as an audit actor. */
export function actorOf(principal: Principal): `user:${string}` | `api-key:${string}` {
  return principal.kind === 'user' ? `user:${principal.id}` : `api-key:${principal.id}`;
}

/**
 * The principal a stored record acted for, rebuilt from its audit actor (`user:<id>` or
 * `api-key:<id>`, see `actorOf`) and the tenant and roles recorded with it.
 */
export function storedPrincipal(stored: {
  readonly actor: string;
  readonly tenantId: string | null;
  readonly roles: readonly string[];
}): Principal {
  const [kind, ...rest] = stored.actor.split(':');
  return {
    kind: kind === 'api-key' ? 'api-key' : 'user',
    id: rest.join(':'),
    tenantId: stored.tenantId,
    roles: stored.roles,
  };
}
