import { createParamDecorator } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain.error.js';
/**
 * The SDP offer a page posts: the request body, sent as `application/sdp` and not empty. Anything
 * else is refused with 415 before the route runs, so the controller only delegates.
 */ export const SdpOffer = createParamDecorator((_data, context)=>{
    const req = context.switchToHttp().getRequest();
    const contentType = req.headers['content-type'];
    const body = req.body;
    if (!contentType?.toLowerCase().startsWith('application/sdp') || typeof body !== 'string' || !body.trim()) {
        throw new DomainError({
            code: 'UNSUPPORTED_MEDIA_TYPE',
            status: 415,
            title: 'Unsupported content type',
            detail: 'Send the SDP offer as the request body with Content-Type: application/sdp.'
        });
    }
    return body;
});

//# sourceMappingURL=sdp-offer.decorator.js.map