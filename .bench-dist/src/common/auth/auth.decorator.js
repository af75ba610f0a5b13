import { applyDecorators, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiProblemResponses } from '../openapi/api-problem-responses.decorator.js';
export const ACCESS_RULE = Reflector.createDecorator();
/** An app-user route (bearer JWT), optionally limited to some of the user's roles. */ export function UserAuth(...roles) {
    return applyDecorators(ACCESS_RULE({
        principals: [
            'user'
        ],
        roles: roles.length ? roles : undefined
    }), ApiBearerAuth('user-jwt'), ApiProblemResponses(401, 403));
}
/** An operator route (API key) for the given roles; `admin` always qualifies. */ export function OperatorAuth(...roles) {
    return applyDecorators(ACCESS_RULE({
        principals: [
            'api-key'
        ],
        roles: roles.length ? roles : undefined
    }), ApiBearerAuth('operator-api-key'), ApiProblemResponses(401, 403));
}
/** No credentials needed (health, metrics). */ export function Public() {
    return ACCESS_RULE({
        public: true
    });
}
/** The authenticated caller, set by the access guard. */ export const CurrentPrincipal = createParamDecorator((_, ctx)=>ctx.switchToHttp().getRequest().principal);

//# sourceMappingURL=auth.decorator.js.map