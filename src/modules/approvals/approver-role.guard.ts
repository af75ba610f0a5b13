import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';

import type { Principal } from '../../common/auth/principal.js';
import { ToolRegistry } from '../tools/index.js';
import { NotAnApproverError } from './approvals.errors.js';
import { approverRolesOf, holdsApproverRole } from './approver-roles.js';

/**
 * Runs after the access guard, before any pipe or lookup: a principal who can decide no action at
 * all is refused here, so it learns nothing from a 400 (body) or a 404 (id). Whether it may decide
 * this particular action is the decision's own check.
 */
@Injectable()
export class ApproverRoleGuard implements CanActivate {
  constructor(private readonly registry: ToolRegistry) {}

  canActivate(context: ExecutionContext): boolean {
    const { principal } = context.switchToHttp().getRequest<{ principal: Principal }>();
    const roles = approverRolesOf(this.registry.all());
    if (!holdsApproverRole(principal, roles)) throw new NotAnApproverError(roles, 'any');
    return true;
  }
}
