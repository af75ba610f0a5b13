import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ACCESS_RULE } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { ApproverRoleGuard } from './approver-role.guard.js';
/**
 * Approver routes: operators' API keys, or staff signed in with a JWT, holding one of `roles`
 * (an operator's `admin` always qualifies).
 */ export function ApproverAuth(...roles) {
    return applyDecorators(ACCESS_RULE({
        principals: [
            'api-key',
            'user'
        ],
        roles
    }), ApiBearerAuth('operator-api-key'), ApiBearerAuth('user-jwt'), ApiProblemResponses(401, 403));
}
/**
 * Routes that decide an action. A tool may name approver roles other than `approver`, so the
 * roles are known only once every tool is registered: the guard checks them against all approval
 * tools, before the body is validated or the id looked up (403 `APPROVER_ROLE_REQUIRED` first).
 */ export function DeciderAuth() {
    return applyDecorators(ACCESS_RULE({
        principals: [
            'api-key',
            'user'
        ]
    }), UseGuards(ApproverRoleGuard), ApiBearerAuth('operator-api-key'), ApiBearerAuth('user-jwt'), ApiProblemResponses(401, [
        403,
        'Not an approver (FORBIDDEN, APPROVER_ROLE_REQUIRED)'
    ]));
}

//# sourceMappingURL=approver-auth.decorator.js.map