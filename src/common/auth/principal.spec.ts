import { actorOf, storedPrincipal } from './principal.js';

describe(storedPrincipal.name, () => {
  it('rebuilds a user and an API key from their audit actor', () => {
    expect(storedPrincipal({ actor: 'user:ann', tenantId: 'acme', roles: ['customer'] })).toEqual({
      kind: 'user',
      id: 'ann',
      tenantId: 'acme',
      roles: ['customer'],
    });
    expect(storedPrincipal({ actor: 'api-key:key_1', tenantId: null, roles: ['admin'] })).toEqual({
      kind: 'api-key',
      id: 'key_1',
      tenantId: null,
      roles: ['admin'],
    });
  });

  it('keeps colons inside a user id, and round-trips with actorOf', () => {
    const principal = { kind: 'user' as const, id: 'google:123', tenantId: null, roles: [] };
    expect(storedPrincipal({ actor: actorOf(principal), tenantId: null, roles: [] })).toEqual(
      principal,
    );
  });
});
