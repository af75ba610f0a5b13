/** The error object OpenAI puts in HTTP error bodies and in `error` events. */
export interface OpenAIErrorBody {
  type: string;
  code: string | null;
  message: string;
  param: string | null;
}

/**
 * An error answered in OpenAI's shape: `{"error":{message,type,param,code}}` over HTTP, or an
 * `error` server event on a realtime connection (where the session stays open).
 */
export class OpenAIError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string | null,
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = 'OpenAIError';
  }

  toBody(): OpenAIErrorBody {
    return { message: this.message, type: this.type, param: this.param, code: this.code };
  }

  static invalidRequest(
    message: string,
    code: string | null,
    param: string | null = null,
  ): OpenAIError {
    return new OpenAIError(400, 'invalid_request_error', code, message, param);
  }

  static callNotFound(): OpenAIError {
    return new OpenAIError(
      404,
      'invalid_request_error',
      'call_id_not_found',
      'No session found for the provided call_id',
      '',
    );
  }
}
