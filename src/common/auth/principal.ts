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
