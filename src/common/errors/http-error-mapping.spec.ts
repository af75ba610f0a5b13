import { NotFoundException, PayloadTooLargeException } from '@nestjs/common';

import { DomainError } from './domain.error.js';
import { toDomainError } from './http-error-mapping.js';

describe(toDomainError.name, () => {
  it('keeps domain errors as they are', () => {
    const error = new DomainError({ code: 'X', status: 409, title: 't', detail: 'd' });
    expect(toDomainError(error)).toBe(error);
  });

  it('gives Nest HTTP exceptions a stable code from their status', () => {
    expect(toDomainError(new NotFoundException('Cannot GET /x'))).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      status: 404,
    });
    expect(toDomainError(new PayloadTooLargeException())).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('maps exposed body-parser errors and explains them', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), {
      status: 413,
      expose: true,
      type: 'entity.too.large',
    });
    expect(toDomainError(tooLarge)).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('SWITCHBOARD_BODY_LIMIT'),
    });
  });

  it('returns undefined for unexpected errors so they become a generic 500', () => {
    expect(toDomainError(new TypeError('boom'))).toBeUndefined();
    expect(
      toDomainError(Object.assign(new Error('x'), { status: 500, expose: false })),
    ).toBeUndefined();
  });
});
