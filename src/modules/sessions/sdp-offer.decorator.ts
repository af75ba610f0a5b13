import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

import type { CommonErrorCode } from '../../common/errors/common.errors.js';
import { DomainError } from '../../common/errors/domain.error.js';

/**
 * The SDP offer a page posts: the request body, sent as `application/sdp` and not empty. Anything
 * else is refused with 415 before the route runs, so the controller only delegates.
 */
export const SdpOffer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string => {
    const req = context.switchToHttp().getRequest<Request>();
    const contentType = req.headers['content-type'];
    const body: unknown = req.body;
    if (
      !contentType?.toLowerCase().startsWith('application/sdp') ||
      typeof body !== 'string' ||
      !body.trim()
    ) {
      throw new DomainError<CommonErrorCode>({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        status: 415,
        title: 'Unsupported content type',
        detail: 'Send the SDP offer as the request body with Content-Type: application/sdp.',
      });
    }
    return body;
  },
);
