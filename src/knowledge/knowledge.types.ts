/**
 * The shapes that flow through the pipeline: extract → chunk → embed → store → retrieve. Each
 * stage lives in its own folder and depends only on these types, so it can be tested alone.
 */

/** The formats the extractor recognises, by content (never by file name). */
export type DocumentFormat = 'markdown' | 'text' | 'html' | 'pdf';

/** What a block is; the chunker keeps lists, tables and code whole where they fit. */
export type BlockKind = 'heading' | 'paragraph' | 'list' | 'table' | 'code' | 'quote';

/** One structural unit of an extracted document, in reading order. */
export interface TextBlock {
  readonly kind: BlockKind;
  /** Plain text (for tables: rows on lines, cells separated by ` | `). Never empty. */
  readonly text: string;
  /** For headings: 1 (top) … 6. */
  readonly depth?: number;
  /** For PDFs: the 1-based page the block starts on. */
  readonly page?: number;
}

export interface ExtractedDocument {
  readonly format: DocumentFormat;
  /** A title the content itself carries (`<title>`, the first `#` heading, PDF metadata). */
  readonly title?: string;
  readonly blocks: readonly TextBlock[];
  /** PDFs only. */
  readonly pages?: number;
}

/**
 * Counts what the embedding model reads. `count` includes the special tokens the model adds
 * ([CLS]/[SEP] for BERT), so `count(text) <= window` means nothing is truncated.
 */
export interface TokenCounter {
  count(text: string): number;
  /** The model's window in tokens, special tokens included (256 for all-MiniLM-L6-v2). */
  readonly window: number;
}

/** One retrievable passage. `embeddingText` is what is embedded; it always fits the window. */
export interface DocumentChunk {
  /** 0-based position in the document. */
  readonly index: number;
  /** The passage itself (without the heading path). */
  readonly text: string;
  /** Headings above the passage, outermost first (the document title is not included). */
  readonly headingPath: readonly string[];
  /** `headingPath` joined with ` > `, a blank line, then `text`: what the model reads. */
  readonly embeddingText: string;
  /** `count(embeddingText)`. */
  readonly tokenCount: number;
  /** Index of the first and last block this chunk draws from (inclusive). */
  readonly firstBlock: number;
  readonly lastBlock: number;
  /** PDFs: the page the chunk starts on. */
  readonly page?: number;
}

/** Turns passages into unit-length vectors; batches internally. */
export interface Embedder {
  /** The model id stored with every vector; retrieval never compares vectors of two ids. */
  readonly modelId: string;
  readonly dimension: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  close(): Promise<void>;
}
