import type { TokenCounter } from '../../knowledge.types.js';

const PIECES = /[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;

export interface FakeCounterOptions {
  /** Tokens every input costs, like BERT's [CLS] and [SEP]. */
  readonly specials?: number;
  /** Charge one token per line break: chunks then cost more than their parts add up to. */
  readonly chargeNewlines?: boolean;
}

/**
 * A test stand-in for a WordPiece tokenizer: one token per punctuation mark and per four
 * letters or digits of a word, so a long word costs many tokens and can only be cut by
 * characters. With `chargeNewlines` it is deliberately not additive.
 */
export function fakeTokenCounter(window: number, options: FakeCounterOptions = {}): TokenCounter {
  const specials = options.specials ?? 2;
  return {
    window,
    count(text: string): number {
      let tokens = specials;
      for (const [piece] of text.matchAll(PIECES)) tokens += Math.ceil(piece.length / 4);
      if (options.chargeNewlines) for (const c of text) if (c === '\n') tokens += 1;
      return tokens;
    },
  };
}
