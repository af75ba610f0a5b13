import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';

import { ACCESS_RULE } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';

/**
 * Approver routes: operators' API keys, or staff signed in with a JWT. With roles, the route needs
 * one of them; without, any such principal passes and the action's own approver roles decide (a
 * tool may name roles other than `approver`).
 */
export function ApproverAuth(...roles: string[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ACCESS_RULE({ principals: ['api-key', 'user'], roles: roles.length ? roles : undefined }),
    ApiBearerAuth('operator-api-key'),
    ApiBearerAuth('user-jwt'),
    ApiProblemResponses(401, 403),
  );
}
