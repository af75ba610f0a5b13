/**
 * The pieces the chunker packs: a sentence, list item, table row or code line (or, when one of
 * those is too long, a run of words or of characters). Internal to the chunker.
 */
export interface ChunkPart {
  readonly text: string;
  /** `TokenMeter.content(text)`: tokens without the model's special tokens. */
  readonly tokens: number;
  /** Index in `ExtractedDocument.blocks`. */
  readonly block: number;
  /** Put before this part when it follows another one in a chunk: '\n\n', '\n', ' ' or ''. */
  readonly joiner: string;
}

/** One block's parts; `tokens` is their sum, the estimate a chunk is packed by. */
export interface PartGroup {
  readonly parts: readonly ChunkPart[];
  readonly tokens: number;
  /** Lists, tables and code: kept in one chunk whenever they fit the window. */
  readonly atomic: boolean;
  /** Tables: the header row, repeated at the top of every chunk a split table continues in. */
  readonly header?: ChunkPart;
}

export const BLOCK_JOINER = '\n\n';
export const LINE_JOINER = '\n';
export const WORD_JOINER = ' ';
export const PIECE_JOINER = '';

/** Joins parts as they appear in a chunk; the first part's joiner is dropped. */
export function joinParts(parts: readonly ChunkPart[]): string {
  let text = '';
  for (const [i, part] of parts.entries()) text += i === 0 ? part.text : part.joiner + part.text;
  return text;
}

export function sumTokens(parts: readonly ChunkPart[]): number {
  let total = 0;
  for (const part of parts) total += part.tokens;
  return total;
}
