import fc from 'fast-check';

import type { ExtractedDocument, TextBlock, TokenCounter } from '../knowledge.types.js';
import { chunkDocument } from './document.chunker.js';
import { expectChunkInvariants, headingBetween } from './testing/chunk.invariants.js';
import { documentArbitrary } from './testing/document.arbitrary.js';
import { largeDocument } from './testing/large-document.fixture.js';
import { loadMiniLmCounter } from './testing/minilm-token.counter.js';

const doc = (...blocks: TextBlock[]): ExtractedDocument => ({ format: 'markdown', blocks });

describe(`${chunkDocument.name} with the all-MiniLM-L6-v2 tokenizer`, () => {
  let minilm: TokenCounter;
  beforeAll(async () => {
    minilm = await loadMiniLmCounter();
  });
  const narrow = (window: number): TokenCounter => ({ window, count: minilm.count });

  it('fits the window, covers the text and keeps heading paths in random documents', () => {
    const windows = fc.constantFrom(48, 96, 256);
    fc.assert(
      fc.property(documentArbitrary(30), windows, (d, window) => {
        const tokens = narrow(window);
        const chunks = chunkDocument(d, tokens);
        const overlaps = expectChunkInvariants(d, chunks, tokens);
        chunks.slice(1).forEach((chunk, i) => {
          if (headingBetween(d, chunks[i]!, chunk)) expect(overlaps[i + 1]).toBe(0);
        });
        expect(chunkDocument(d, tokens)).toEqual(chunks);
      }),
      { numRuns: 60 },
    );
  });

  it('reads a 5,000-character run of letters as one [UNK], so it needs no split', () => {
    const base64 = 'Zm9vYmFyYmF6cXV4'.repeat(312);
    const [chunk, ...more] = chunkDocument(doc({ kind: 'paragraph', text: base64 }), minilm);
    expect(more).toEqual([]);
    expect(chunk!.tokenCount).toBe(3);
  });

  it('splits a 5,000-character URL-like word into pieces that each fit', () => {
    // Punctuation splits it into many word pieces, unlike a bare run of letters.
    const path = Array.from({ length: 1100 }, (_, i) => `s${i}`).join('/');
    const url = `https://cdn.example.com/${path}`.slice(0, 5000);
    const d = doc(
      { kind: 'heading', depth: 1, text: 'Assets' },
      { kind: 'paragraph', text: `Download ${url} now.` },
    );
    const chunks = chunkDocument(d, minilm);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.tokenCount).toBeLessThanOrEqual(256);
    expectChunkInvariants(d, chunks, minilm);
  });

  it('keeps a table that fits in one chunk and overlaps prose within a section', () => {
    const rows = [
      'Plan | Price | Seats',
      ...Array.from({ length: 20 }, (_, i) => `Tier ${i} | ${i * 10} EUR | ${i + 1}`),
    ];
    const prose = Array.from(
      { length: 40 },
      (_, i) => `Sentence ${i} explains one more detail of billing.`,
    );
    const d = doc(
      { kind: 'paragraph', text: prose.join(' ') },
      { kind: 'table', text: rows.join('\n') },
    );
    const chunks = chunkDocument(d, minilm);
    expect(chunks.filter((c) => c.text.includes('Plan | Price | Seats'))).toHaveLength(1);
    expect(chunks.at(-1)!.text.endsWith(rows.join('\n'))).toBe(true);
    const overlaps = expectChunkInvariants(d, chunks, minilm);
    // The prose chunks overlap; the table, over the target, starts clean.
    expect(overlaps.slice(1, -1).every((o) => o > 0)).toBe(true);
    expect(overlaps.length).toBeGreaterThanOrEqual(3);
  });

  it('chunks a 1 MB document without recounting it over and over', () => {
    const d = largeDocument(1_000_000);
    let counted = 0;
    const metered: TokenCounter = {
      window: 256,
      count: (t) => ((counted += t.length), minilm.count(t)),
    };
    const started = performance.now();
    const chunks = chunkDocument(d, metered);
    const ms = performance.now() - started;
    const chars = d.blocks.reduce((n, b) => n + b.text.length, 0);
    // Each character is counted once as part of a sentence or row, once more in its chunk.
    expect(counted / chars).toBeLessThan(3);
    expect(ms).toBeLessThan(15_000);
    expectChunkInvariants(d, chunks, minilm);
  });
});
