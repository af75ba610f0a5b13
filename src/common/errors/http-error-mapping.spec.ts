import { HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';

import { BodyTooDeepError } from './common.errors.js';
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

  it("maps the form parser's field limit to BODY_TOO_MANY_KEYS, not to a size problem", () => {
    const tooMany = Object.assign(new Error('too many parameters'), {
      status: 413,
      expose: true,
      type: 'parameters.too.many',
    });
    const expected = {
      code: 'BODY_TOO_MANY_KEYS',
      status: 400,
      message: expect.stringContaining('SWITCHBOARD_BODY_MAX_KEYS'),
    };
    expect(toDomainError(tooMany)).toMatchObject(expected);
    // As Nest's Express adapter hands it to the filter.
    const wrapped = new HttpException(tooMany.message, 413, { cause: tooMany });
    expect(toDomainError(wrapped)).toMatchObject(expected);
  });

  it('unwraps a domain error a body parser hook threw, which Nest wraps in an HttpException', () => {
    const refusal = new BodyTooDeepError(32);
    const wrapped = new HttpException(refusal.message, 400, { cause: refusal });
    expect(toDomainError(wrapped)).toBe(refusal);
  });

  it('returns undefined for unexpected errors so they become a generic 500', () => {
    expect(toDomainError(new TypeError('boom'))).toBeUndefined();
    expect(
      toDomainError(Object.assign(new Error('x'), { status: 500, expose: false })),
    ).toBeUndefined();
  });
});
