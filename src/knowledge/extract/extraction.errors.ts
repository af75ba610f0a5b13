import { DomainError } from '../../common/errors/domain.error.js';

/**
 * Every code the extractor owns. Statuses follow one rule: 413 when a limit is exceeded (size,
 * pages, markup), 415 when the content is of a type we do not take, 422 when it is a type we take
 * but this file cannot be used (empty, badly encoded, damaged, locked, no text).
 */
export const EXTRACTION_ERROR_CODES = [
  'DOCUMENT_EMPTY',
  'DOCUMENT_TOO_LARGE',
  'PDF_TOO_MANY_PAGES',
  'HTML_TOO_COMPLEX',
  'UNSUPPORTED_CONTENT',
  'INVALID_UTF8',
  'INVALID_UTF16',
  'UTF16_WITHOUT_BOM',
  'PDF_ENCRYPTED',
  'PDF_CORRUPT',
  'PDF_NO_TEXT',
  'HTML_NO_TEXT',
] as const;
export type ExtractionErrorCode = (typeof EXTRACTION_ERROR_CODES)[number];

const UPLOAD_HINT = 'Upload PDF, HTML, Markdown or plain text saved as UTF-8.';

// Names the upload in messages; the name is the client's, so it is cleaned and capped.
function subjectOf(name?: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name?.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (!clean) return 'The document';
  return `"${clean.length > 80 ? `${clean.slice(0, 77)}...` : clean}"`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

export class DocumentEmptyError extends DomainError<ExtractionErrorCode> {
  /** `blank`: no bytes or only whitespace; `markup`: nothing left once markup is removed. */
  constructor(name?: string, why: 'blank' | 'markup' = 'blank') {
    const what =
      why === 'blank'
        ? 'is empty or contains only whitespace'
        : 'has no text once its markup is removed';
    super({
      code: 'DOCUMENT_EMPTY',
      status: 422,
      title: 'Document is empty',
      detail: `${subjectOf(name)} ${what}. Upload a file that contains the text to index.`,
    });
  }
}

export class DocumentTooLargeError extends DomainError<ExtractionErrorCode> {
  constructor(size: number, limit: number, name?: string) {
    super({
      code: 'DOCUMENT_TOO_LARGE',
      status: 413,
      title: 'Document too large',
      detail: `${subjectOf(name)} is ${formatBytes(size)}; the limit is ${formatBytes(limit)}. Split it into smaller files (or remove embedded images) and upload them separately.`,
      extensions: { size, limit },
    });
  }
}

export class PdfTooManyPagesError extends DomainError<ExtractionErrorCode> {
  constructor(pages: number, limit: number, name?: string) {
    super({
      code: 'PDF_TOO_MANY_PAGES',
      status: 413,
      title: 'Too many pages',
      detail: `${subjectOf(name)} has ${pages} pages; the limit is ${limit}. Split it into parts of at most ${limit} pages and upload them separately.`,
      extensions: { pages, limit },
    });
  }
}

export class HtmlTooComplexError extends DomainError<ExtractionErrorCode> {
  constructor(limit: number, name?: string) {
    super({
      code: 'HTML_TOO_COMPLEX',
      status: 413,
      title: 'HTML too complex',
      detail: `${subjectOf(name)} has more than ${limit} HTML tags. Upload only the article you want indexed, or save the page as PDF.`,
      extensions: { limit },
    });
  }
}

export class UnsupportedContentError extends DomainError<ExtractionErrorCode> {
  /** `looksLike` names what the bytes are, e.g. "a Linux executable (ELF)". */
  constructor(looksLike: string, name?: string) {
    super({
      code: 'UNSUPPORTED_CONTENT',
      status: 415,
      title: 'Unsupported content',
      detail: `${subjectOf(name)} looks like ${looksLike}, not a document we can read (the file name does not matter, only the content). ${UPLOAD_HINT}`,
      extensions: { looksLike },
    });
  }
}

export class InvalidUtf8Error extends DomainError<ExtractionErrorCode> {
  /** `offset` is the 0-based byte of the first invalid sequence, `line` its 1-based line. */
  constructor(offset: number, line: number, name?: string) {
    super({
      code: 'INVALID_UTF8',
      status: 422,
      title: 'Not valid UTF-8',
      detail: `${subjectOf(name)} is not valid UTF-8 (first invalid byte at offset ${offset}, line ${line}). It is probably saved in a legacy encoding such as Windows-1252 or Latin-1: re-save it as UTF-8 and upload it again.`,
      extensions: { offset, line },
    });
  }
}

export class InvalidUtf16Error extends DomainError<ExtractionErrorCode> {
  constructor(name?: string) {
    super({
      code: 'INVALID_UTF16',
      status: 422,
      title: 'Not valid UTF-16',
      detail: `${subjectOf(name)} starts with a UTF-16 byte-order mark but is not valid UTF-16 (odd length or an unpaired surrogate). Re-save it as UTF-8 and upload it again.`,
    });
  }
}

export class Utf16WithoutBomError extends DomainError<ExtractionErrorCode> {
  constructor(endianness: 'little' | 'big', name?: string) {
    super({
      code: 'UTF16_WITHOUT_BOM',
      status: 422,
      title: 'UTF-16 without byte-order mark',
      detail: `${subjectOf(name)} looks like UTF-16 (${endianness}-endian) text without a byte-order mark, so its encoding cannot be told for sure. Re-save it as UTF-8 (or as UTF-16 with a byte-order mark) and upload it again.`,
      extensions: { endianness },
    });
  }
}

export class PdfEncryptedError extends DomainError<ExtractionErrorCode> {
  constructor(name?: string) {
    super({
      code: 'PDF_ENCRYPTED',
      status: 422,
      title: 'PDF is password-protected',
      detail: `${subjectOf(name)} needs a password to open. Save a copy without the password (for example "Print to PDF") and upload that.`,
    });
  }
}

export class PdfCorruptError extends DomainError<ExtractionErrorCode> {
  constructor(name?: string) {
    super({
      code: 'PDF_CORRUPT',
      status: 422,
      title: 'PDF is damaged',
      detail: `${subjectOf(name)} starts like a PDF but cannot be read: it is truncated or damaged. Download or export it again and upload the new copy.`,
    });
  }
}

export class PdfNoTextError extends DomainError<ExtractionErrorCode> {
  constructor(pages: number, name?: string) {
    super({
      code: 'PDF_NO_TEXT',
      status: 422,
      title: 'PDF has no text',
      detail: `${subjectOf(name)} has ${pages} page(s) but no text layer, probably scanned images. Run it through OCR (or export it from the original with text) and upload it again.`,
      extensions: { pages },
    });
  }
}

export class HtmlNoTextError extends DomainError<ExtractionErrorCode> {
  constructor(name?: string) {
    super({
      code: 'HTML_NO_TEXT',
      status: 422,
      title: 'HTML has no text',
      detail: `${subjectOf(name)} is HTML without readable text (only scripts, styles, images or navigation). Upload the page that holds the article, or save it as PDF.`,
    });
  }
}
