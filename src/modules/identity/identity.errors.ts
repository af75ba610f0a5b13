import { DomainError } from '../../common/errors/domain.error.js';

/** Every code the identity module owns. */
export const IDENTITY_ERROR_CODES = ['API_KEY_NOT_FOUND'] as const;
export type IdentityErrorCode = (typeof IDENTITY_ERROR_CODES)[number];

export class ApiKeyNotFoundError extends DomainError<IdentityErrorCode> {
  constructor(id: string) {
    super({
      code: 'API_KEY_NOT_FOUND',
      status: 404,
      title: 'API key not found',
      detail: `No API key with id "${id}" exists.`,
    });
  }
}
