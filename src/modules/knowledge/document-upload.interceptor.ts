import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { from, switchMap, type Observable } from 'rxjs';

import { AppConfig } from '../../config/app-config.js';
import { DomainError } from '../../common/errors/domain.error.js';
import type { ExtractionErrorCode } from '../../knowledge/extract/index.js';
import { UploadInvalidError } from './knowledge.errors.js';

/** Form fields besides the file: title and the three validity dates. */
const MAX_FIELDS = 10;

/**
 * Reads a multipart upload (one file in the field `file`) into memory, bounded by the upload
 * limit; JSON bodies pass through untouched. As an interceptor it runs after the access guard, so
 * a caller who may not upload learns nothing but 401/403, and multer's own errors become this
 * app's problem codes.
 */
@Injectable()
export class DocumentUploadInterceptor implements NestInterceptor {
  private readonly parse: ReturnType<multer.Multer['single']>;

  constructor(private readonly config: AppConfig) {
    this.parse = multer({
      storage: multer.memoryStorage(),
      limits: {
        fileSize: config.knowledge.maxUploadBytes,
        files: 1,
        fields: MAX_FIELDS,
        fieldSize: 64 * 1024,
      },
    }).single('file');
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    if (!request.is('multipart/form-data')) return next.handle();
    const parsed = new Promise<void>((resolve, reject) =>
      this.parse(request, http.getResponse<Response>(), (error: unknown) =>
        error ? reject(this.refusal(error)) : resolve(),
      ),
    );
    return from(parsed).pipe(switchMap(() => next.handle()));
  }

  /** The extractor's own refusal, for a file multer stopped reading at the limit. */
  private tooLarge(): DomainError<ExtractionErrorCode> {
    const limit = this.config.knowledge.maxUploadBytes;
    return new DomainError<ExtractionErrorCode>({
      code: 'DOCUMENT_TOO_LARGE',
      status: 413,
      title: 'Document too large',
      detail: `The file is larger than the limit of ${limit} bytes (SWITCHBOARD_KNOWLEDGE_MAX_UPLOAD_BYTES). Split it into smaller files and upload them separately.`,
      extensions: { limit },
    });
  }

  private refusal(error: unknown): Error {
    const code = (error as { code?: string }).code;
    if (code === 'LIMIT_FILE_SIZE') return this.tooLarge();
    if (code === 'LIMIT_UNEXPECTED_FILE')
      return new UploadInvalidError('Send exactly one file, in the form field "file".');
    if (code?.startsWith('LIMIT_'))
      return new UploadInvalidError(
        `The form has too many or too large fields (at most ${MAX_FIELDS} besides "file").`,
      );
    return new UploadInvalidError(
      'The multipart form could not be read; send it again with a proper boundary.',
    );
  }
}
