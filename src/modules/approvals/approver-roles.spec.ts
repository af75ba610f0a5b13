import type { Principal } from '../../common/auth/principal.js';
import type { RegisteredTool } from '../tools/index.js';
import { approverRolesOf, holdsApproverRole } from './approver-roles.js';

const tool = (approval: Partial<NonNullable<RegisteredTool['approval']>> | null) =>
  ({
    approval: approval && { approverRoles: ['approver'], escalateTo: [], ...approval },
  }) as RegisteredTool;

const principal = (kind: Principal['kind'], roles: string[]): Principal => ({
  kind,
  id: 'x',
  tenantId: null,
  roles,
});

describe('approverRolesOf', () => {
  it('unions approver and escalation roles of the tools that need approval, sorted', () => {
    expect(
      approverRolesOf([
        tool(null),
        tool({}),
        tool({ approverRoles: ['finance'], escalateTo: ['supervisor', 'approver'] }),
      ]),
    ).toEqual(['approver', 'finance', 'supervisor']);
    expect(approverRolesOf([tool(null)])).toEqual([]);
  });
});

describe('holdsApproverRole', () => {
  it('lets an operator admin key decide anything, and anyone else only with one of the roles', () => {
    expect(holdsApproverRole(principal('api-key', ['admin']), [])).toBe(true);
    expect(holdsApproverRole(principal('api-key', ['approver']), ['approver'])).toBe(true);
    expect(holdsApproverRole(principal('user', ['finance']), ['approver', 'finance'])).toBe(true);
    // `admin` in a JWT is whatever the app means by it, not the operator role.
    expect(holdsApproverRole(principal('user', ['admin']), ['approver'])).toBe(false);
    expect(holdsApproverRole(principal('api-key', ['auditor']), ['approver'])).toBe(false);
    expect(holdsApproverRole(principal('user', ['customer']), [])).toBe(false);
  });
});
