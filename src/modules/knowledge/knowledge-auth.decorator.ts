import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';

import { ACCESS_RULE } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { OPERATOR_API_KEY, USER_JWT } from '../../common/openapi/security-schemes.js';
import { KNOWLEDGE_EDITOR_ROLE } from './knowledge-access.policy.js';

/** Editor routes: an operator key or a staff JWT with `knowledge_editor` (an `admin` key too). */
export function KnowledgeEditorAuth(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ACCESS_RULE({ principals: ['api-key', 'user'], roles: [KNOWLEDGE_EDITOR_ROLE] }),
    ApiBearerAuth(OPERATOR_API_KEY),
    ApiBearerAuth(USER_JWT),
    ApiProblemResponses(401, 403),
  );
}

/** Search: any authenticated caller; what it finds is limited by its own tenant and roles. */
export function KnowledgeReaderAuth(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ACCESS_RULE({ principals: ['api-key', 'user'] }),
    ApiBearerAuth(USER_JWT),
    ApiBearerAuth(OPERATOR_API_KEY),
    // Every authenticated caller may search: there is no 403.
    ApiProblemResponses(401),
  );
}
