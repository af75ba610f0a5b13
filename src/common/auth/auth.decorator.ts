import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth } from '@nestjs/swagger';

import { ApiProblemResponses } from '../openapi/api-problem-responses.decorator.js';
import { OPERATOR_API_KEY, USER_JWT } from '../openapi/security-schemes.js';
import type { OperatorRole } from './operator-roles.js';
import type { Principal } from './principal.js';

/** Who may call a route. Routes without a rule are refused: access is deny-by-default. */
export type AccessRule =
  | { readonly public: true }
  | {
      readonly public?: false;
      /** App users (JWT), operators (API key), or both. */
      readonly principals: readonly Principal['kind'][];
      /** At least one of these roles; operator routes list operator roles. */
      readonly roles?: readonly (OperatorRole | string)[];
    };

export const ACCESS_RULE = Reflector.createDecorator<AccessRule>();

/** An app-user route (bearer JWT), optionally limited to some of the user's roles. */
export function UserAuth(...roles: string[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ACCESS_RULE({ principals: ['user'], roles: roles.length ? roles : undefined }),
    ApiBearerAuth(USER_JWT),
    ApiProblemResponses(401, 403),
  );
}

/** An operator route (API key) for the given roles; `admin` always qualifies. */
export function OperatorAuth(...roles: OperatorRole[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ACCESS_RULE({ principals: ['api-key'], roles: roles.length ? roles : undefined }),
    ApiBearerAuth(OPERATOR_API_KEY),
    ApiProblemResponses(401, 403),
  );
}

/** No credentials needed (health, metrics). */
export function Public(): MethodDecorator & ClassDecorator {
  return ACCESS_RULE({ public: true });
}

/** The authenticated caller, set by the access guard. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal =>
    ctx.switchToHttp().getRequest<{ principal: Principal }>().principal,
);
