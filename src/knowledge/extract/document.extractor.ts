import type { ExtractedDocument } from '../knowledge.types.js';
import { sniffContent } from './content-sniffer.js';
import { DocumentEmptyError, DocumentTooLargeError } from './extraction.errors.js';
import {
  DEFAULT_EXTRACTION_LIMITS,
  type ExtractionInput,
  type ExtractionLimits,
} from './extraction.types.js';
import { extractHtml } from './html.extractor.js';
import { extractMarkdown } from './markdown.extractor.js';
import { extractPdf } from './pdf.extractor.js';
import { extractPlainText } from './plain-text.extractor.js';
import { decodeText } from './text-decoder.js';
import { type TextFormat, detectTextFormat } from './text-format.detector.js';

/**
 * Turns an upload into blocks in reading order. The format comes from the content (a PDF is a
 * PDF whatever its name); a JSON upload's declared text format decides between HTML, Markdown and
 * plain text. Every refusal is an extraction `DomainError` (see `EXTRACTION_ERROR_CODES`).
 */
export async function extractDocument(
  input: ExtractionInput,
  limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS,
): Promise<ExtractedDocument> {
  const { bytes, name } = input;
  if (bytes.byteLength > limits.maxBytes) {
    throw new DocumentTooLargeError(bytes.byteLength, limits.maxBytes, name);
  }
  if (bytes.byteLength === 0) throw new DocumentEmptyError(name);

  const sniffed = await sniffContent(bytes, name);
  if (sniffed.kind === 'pdf') return extractPdf(bytes, limits, name);

  const text = decodeText(bytes, sniffed.encoding, name);
  // Zero-width spaces, joiners, soft hyphens and BOMs (format characters) are not text either.
  if (!text.replace(/[\p{Cf}\p{Zs}\s]/gu, '')) throw new DocumentEmptyError(name);
  const document = extractText(
    text,
    textFormatOf(input.declaredFormat) ?? detectTextFormat(text),
    name,
  );
  if (!document.blocks.length) throw new DocumentEmptyError(name, 'markup');
  return document;
}

function textFormatOf(declared: ExtractionInput['declaredFormat']): TextFormat | undefined {
  return declared === 'pdf' ? undefined : declared;
}

function extractText(text: string, format: TextFormat, name?: string): ExtractedDocument {
  switch (format) {
    case 'html':
      return extractHtml(text, name);
    case 'markdown':
      return extractMarkdown(text);
    case 'text':
      return extractPlainText(text);
  }
}
