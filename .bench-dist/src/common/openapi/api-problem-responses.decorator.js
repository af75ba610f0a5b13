import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem-details.js';
import { ProblemDetailsSchema } from './problem-details.schema.js';
const DEFAULT_DESCRIPTIONS = {
    400: 'Invalid request (VALIDATION_FAILED, BAD_REQUEST)',
    401: 'Missing or invalid credentials (UNAUTHENTICATED)',
    403: 'Authenticated but not allowed (FORBIDDEN)',
    404: 'Not found (NOT_FOUND)',
    409: 'Conflicts with the current state (CONFLICT)',
    413: 'Body larger than SWITCHBOARD_BODY_LIMIT (PAYLOAD_TOO_LARGE)',
    415: 'Unsupported content type (UNSUPPORTED_MEDIA_TYPE)',
    429: 'Limit reached; see Retry-After (RATE_LIMITED)',
    500: 'Unexpected error; quote the correlationId (INTERNAL_ERROR)',
    503: 'Not ready (NOT_READY)'
};
/**
 * Documents the problem+json error responses of a route. Every route gets 500; pass the statuses
 * it can answer besides, optionally with a description naming the codes.
 */ export function ApiProblemResponses(...responses) {
    const entries = [
        ...responses,
        500
    ].map((r)=>Array.isArray(r) ? r : [
            r,
            DEFAULT_DESCRIPTIONS[r] ?? 'Error'
        ]);
    return applyDecorators(ApiExtraModels(ProblemDetailsSchema), ...entries.map(([status, description])=>ApiResponse({
            status,
            description,
            content: {
                [PROBLEM_CONTENT_TYPE]: {
                    schema: {
                        $ref: getSchemaPath(ProblemDetailsSchema)
                    }
                }
            }
        })));
}

//# sourceMappingURL=api-problem-responses.decorator.js.map