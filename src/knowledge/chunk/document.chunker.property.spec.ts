import fc from 'fast-check';

import { chunkDocument } from './document.chunker.js';
import { expectChunkInvariants, headingBetween } from './testing/chunk.invariants.js';
import { documentArbitrary } from './testing/document.arbitrary.js';
import { fakeTokenCounter } from './testing/fake-token.counter.js';

/** A small window, a target and an overlap that fit it. */
const sizes = fc
  .integer({ min: 32, max: 64 })
  .chain((window) =>
    fc.record({
      window: fc.constant(window),
      targetTokens: fc.integer({ min: 12, max: window }),
      overlapFraction: fc.double({ min: 0, max: 0.5, noNaN: true }),
    }),
  )
  .map(({ window, targetTokens, overlapFraction }) => ({
    window,
    options: {
      targetTokens,
      overlapTokens: Math.floor(((targetTokens - 2) / 2) * overlapFraction),
    },
  }));

describe(`${chunkDocument.name} properties (fake tokenizer)`, () => {
  it('fits, covers the text in order, keeps heading paths and never overlaps a heading', () => {
    fc.assert(
      fc.property(documentArbitrary(), sizes, fc.boolean(), (doc, { window, options }, costly) => {
        const tokens = fakeTokenCounter(window, { chargeNewlines: costly });
        const chunks = chunkDocument(doc, tokens, options);
        const overlaps = expectChunkInvariants(doc, chunks, tokens);
        chunks.slice(1).forEach((chunk, i) => {
          if (headingBetween(doc, chunks[i]!, chunk)) expect(overlaps[i + 1]).toBe(0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(documentArbitrary(), sizes, (doc, { window, options }) => {
        const tokens = fakeTokenCounter(window);
        expect(chunkDocument(doc, tokens, options)).toEqual(chunkDocument(doc, tokens, options));
      }),
      { numRuns: 100 },
    );
  });

  it('overlaps consecutive chunks of a section when asked to', () => {
    fc.assert(
      fc.property(documentArbitrary(), (doc) => {
        const tokens = fakeTokenCounter(48);
        const chunks = chunkDocument(doc, tokens, { targetTokens: 40, overlapTokens: 12 });
        const overlaps = expectChunkInvariants(doc, chunks, tokens);
        const none = chunkDocument(doc, tokens, { targetTokens: 40, overlapTokens: 0 });
        expect(expectChunkInvariants(doc, none, tokens).every((o) => o === 0)).toBe(true);
        return overlaps.length === 0 || overlaps[0] === 0;
      }),
      { numRuns: 100 },
    );
  });
});
