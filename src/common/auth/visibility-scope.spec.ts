import { WhereClause } from '../../database/where-clause.js';
import type { Principal } from './principal.js';
import { visibilityScope } from './visibility-scope.js';

const user = (tenantId: string | null): Principal => ({
  kind: 'user',
  id: 'stan',
  tenantId,
  roles: ['approver'],
});
const operator: Principal = { kind: 'api-key', id: 'key_1', tenantId: null, roles: ['approver'] };

/** The SQL the scope adds to an otherwise empty filter, and its parameters. */
function sqlOf(principal: Principal) {
  const where = new WhereClause();
  const condition = visibilityScope(principal).condition('tenant_id');
  if (condition) where.add(...condition);
  return { sql: where.toSql(), params: where.params };
}

describe('visibilityScope', () => {
  it('lets an operator key see every tenant, with no SQL condition', () => {
    const sut = visibilityScope(operator);
    expect(sut.tenantScoped).toBe(false);
    expect([sut.allows('acme'), sut.allows('globex'), sut.allows(null)]).toEqual([
      true,
      true,
      true,
    ]);
    expect(sqlOf(operator)).toEqual({ sql: '', params: [] });
  });

  it('limits a user to their own tenant, in the predicate and in SQL', () => {
    const sut = visibilityScope(user('acme'));
    expect(sut.tenantScoped).toBe(true);
    expect([sut.allows('acme'), sut.allows('globex'), sut.allows(null)]).toEqual([
      true,
      false,
      false,
    ]);
    expect(sqlOf(user('acme'))).toEqual({ sql: 'WHERE tenant_id = $1', params: ['acme'] });
  });

  it.each([null, ''])(
    'shows a user without a tenant (%j) nothing tenant-scoped: a filter, never "no filter"',
    (tenantId) => {
      const sut = visibilityScope(user(tenantId));
      expect(sut.tenantScoped).toBe(true);
      expect([sut.allows('acme'), sut.allows(''), sut.allows(null)]).toEqual([false, true, true]);
      expect(sqlOf(user(tenantId))).toEqual({
        sql: 'WHERE tenant_id IS NOT DISTINCT FROM $1',
        params: [null],
      });
    },
  );
});
