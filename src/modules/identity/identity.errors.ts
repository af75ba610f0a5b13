import { DomainError } from '../../common/errors/domain.error.js';

export class ApiKeyNotFoundError extends DomainError {
  constructor(id: string) {
    super({
      code: 'API_KEY_NOT_FOUND',
      status: 404,
      title: 'API key not found',
      detail: `No API key with id "${id}" exists.`,
    });
  }
}
