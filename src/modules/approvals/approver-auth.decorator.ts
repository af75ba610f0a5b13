import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';

import { ACCESS_RULE } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { OPERATOR_API_KEY, USER_JWT } from '../../common/openapi/security-schemes.js';
import { ApproverRoleGuard } from './approver-role.guard.js';

/**
 * Approver routes: operators' API keys, or staff signed in with a JWT, holding one of `roles`
 * (an operator's `admin` always qualifies).
 */
export function ApproverAuth(...roles: [string, ...string[]]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ACCESS_RULE({ principals: ['api-key', 'user'], roles }),
    ApiBearerAuth(OPERATOR_API_KEY),
    ApiBearerAuth(USER_JWT),
    ApiProblemResponses(401, 403),
  );
}

/**
 * Routes that decide an action. A tool may name approver roles other than `approver`, so the
 * roles are known only once every tool is registered: the guard checks them against all approval
 * tools, before the body is validated or the id looked up (403 `APPROVER_ROLE_REQUIRED` first).
 */
export function DeciderAuth(): MethodDecorator {
  return applyDecorators(
    ACCESS_RULE({ principals: ['api-key', 'user'] }),
    UseGuards(ApproverRoleGuard),
    ApiBearerAuth(OPERATOR_API_KEY),
    ApiBearerAuth(USER_JWT),
    // Any principal kind and no role in the rule: the guard's refusal is the only 403 before the route.
    ApiProblemResponses(401, { 403: ['APPROVER_ROLE_REQUIRED'] }),
  );
}
