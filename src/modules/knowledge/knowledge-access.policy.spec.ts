import type { Principal } from '../../common/auth/principal.js';
import { KnowledgeAccess } from './knowledge-access.policy.js';
import { SourceTenantForbiddenError } from './knowledge.errors.js';

const user = (tenantId: string | null, roles: string[]): Principal => ({
  kind: 'user',
  id: 'u1',
  tenantId,
  roles,
});
const key = (roles: string[]): Principal => ({
  kind: 'api-key',
  id: 'key_1',
  tenantId: null,
  roles,
});
const sql = (where: { toSql(): string; params: unknown[] }) => ({
  sql: where.toSql(),
  params: where.params,
});

describe('KnowledgeAccess', () => {
  it('lets a caller read its own tenant, and only sources allowing one of its roles', () => {
    expect(sql(KnowledgeAccess.of(user('acme', ['customer'])).readableSources())).toEqual({
      sql: 'WHERE tenant_id = $1 AND allowed_roles && $2::text[]',
      params: ['acme', ['customer']],
    });
  });

  it('gives a caller without roles an overlap with nothing, never "no role filter"', () => {
    expect(sql(KnowledgeAccess.of(user('acme', [])).readableSources()).params).toEqual([
      'acme',
      [],
    ]);
  });

  it('gives a caller without a tenant only tenant-less sources', () => {
    expect(sql(KnowledgeAccess.of(user(null, ['customer'])).readableSources()).sql).toBe(
      'WHERE tenant_id IS NOT DISTINCT FROM $1 AND allowed_roles && $2::text[]',
    );
  });

  it('lets editor and admin keys read everything, other keys only their roles', () => {
    expect(sql(KnowledgeAccess.of(key(['knowledge_editor'])).readableSources())).toEqual({
      sql: '',
      params: [],
    });
    expect(sql(KnowledgeAccess.of(key(['admin'])).readableSources())).toEqual({
      sql: '',
      params: [],
    });
    expect(sql(KnowledgeAccess.of(key(['auditor'])).readableSources())).toEqual({
      sql: 'WHERE allowed_roles && $1::text[]',
      params: [['auditor']],
    });
  });

  it('pins a staff editor to its own tenant and lets operator keys choose', () => {
    const staff = KnowledgeAccess.of(user('acme', ['knowledge_editor']));
    expect(staff.tenantForNewSource(undefined)).toBe('acme');
    expect(staff.tenantForNewSource('acme')).toBe('acme');
    expect(() => staff.tenantForNewSource('globex')).toThrow(SourceTenantForbiddenError);
    expect(() => staff.tenantForNewSource(null)).toThrow(SourceTenantForbiddenError);
    expect(staff.manages('acme')).toBe(true);
    expect(staff.manages('globex')).toBe(false);
    expect(staff.manages(null)).toBe(false);
    const operator = KnowledgeAccess.of(key(['knowledge_editor']));
    expect(operator.tenantForNewSource('globex')).toBe('globex');
    expect(operator.tenantForNewSource(undefined)).toBeNull();
    expect(operator.manages('anything')).toBe(true);
  });
});
