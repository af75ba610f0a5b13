import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ACCESS_RULE } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { KNOWLEDGE_EDITOR_ROLE } from './knowledge-access.policy.js';
/** Editor routes: an operator key or a staff JWT with `knowledge_editor` (an `admin` key too). */ export function KnowledgeEditorAuth() {
    return applyDecorators(ACCESS_RULE({
        principals: [
            'api-key',
            'user'
        ],
        roles: [
            KNOWLEDGE_EDITOR_ROLE
        ]
    }), ApiBearerAuth('operator-api-key'), ApiBearerAuth('user-jwt'), ApiProblemResponses(401, 403));
}
/** Search: any authenticated caller; what it finds is limited by its own tenant and roles. */ export function KnowledgeReaderAuth() {
    return applyDecorators(ACCESS_RULE({
        principals: [
            'api-key',
            'user'
        ]
    }), ApiBearerAuth('user-jwt'), ApiBearerAuth('operator-api-key'), ApiProblemResponses(401, 403));
}

//# sourceMappingURL=knowledge-auth.decorator.js.map