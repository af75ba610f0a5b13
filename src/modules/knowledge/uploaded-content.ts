import { RequestValidationError } from '../../common/errors/common.errors.js';
import { dateOf, type DocumentUploadDto } from './dto/document.dto.js';
import type { DocumentContent } from './knowledge-documents.service.js';
import { DocumentMissingError, UploadInvalidError } from './knowledge.errors.js';

/** The content of an upload: the multipart file (sniffed), or the JSON text (format as declared). */
export function uploadedContent(
  body: DocumentUploadDto,
  file: Express.Multer.File | undefined,
): DocumentContent {
  const [from, until] = [dateOf(body.validFrom), dateOf(body.validUntil)];
  if (from && until && until <= from)
    throw new RequestValidationError([
      { pointer: '/validUntil', detail: 'validUntil must be later than validFrom' },
    ]);
  if (file && body.text !== undefined)
    throw new UploadInvalidError('Send either a file or a text, not both.');
  if (file) {
    if (body.format !== undefined)
      throw new UploadInvalidError('A file is recognised by its content; leave "format" out.');
    return { bytes: new Uint8Array(file.buffer), fileName: file.originalname };
  }
  if (body.text === undefined) throw new DocumentMissingError();
  return { bytes: Buffer.from(body.text, 'utf8'), declaredFormat: body.format };
}
