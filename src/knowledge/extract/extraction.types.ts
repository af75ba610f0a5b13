import type { DocumentFormat } from '../knowledge.types.js';

/** One upload to extract. */
export interface ExtractionInput {
  readonly bytes: Uint8Array;
  /**
   * The `format` of a JSON upload. Honoured for text formats (it decides between HTML, Markdown
   * and plain text); binary content is always recognised by its bytes, never by this or a name.
   */
  readonly declaredFormat?: DocumentFormat;
  /** The client's file name, used only in error messages. */
  readonly name?: string;
}

/** Bounds on the work one extraction may do. */
export interface ExtractionLimits {
  /** Checked before anything else. */
  readonly maxBytes: number;
  /** PDFs with more pages are refused before any text is read. */
  readonly maxPages: number;
}

export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = Object.freeze({
  maxBytes: 10 * 1024 * 1024,
  maxPages: 300,
});
