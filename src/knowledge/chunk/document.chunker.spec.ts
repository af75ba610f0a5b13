import type { ExtractedDocument, TextBlock } from '../knowledge.types.js';
import { chunkDocument } from './document.chunker.js';
import { expectChunkInvariants, headingBetween } from './testing/chunk.invariants.js';
import { fakeTokenCounter } from './testing/fake-token.counter.js';

const doc = (...blocks: TextBlock[]): ExtractedDocument => ({ format: 'markdown', blocks });
const h = (depth: number, text: string): TextBlock => ({ kind: 'heading', depth, text });
const p = (text: string): TextBlock => ({ kind: 'paragraph', text });
/** `n` distinct one-token words, numbered from `from`. */
const words = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => `w${(from + i).toString(36)}`).join(' ');
/** `n` sentences of `size` tokens (the full stop is one), each opening with a capital. */
const sentences = (n: number, size: number) =>
  Array.from({ length: n }, (_, i) => `S${words(size - 1, i * size)}.`).join(' ');

describe(chunkDocument.name, () => {
  const tokens = fakeTokenCounter(64);

  it('gives no chunks for an empty document or one of headings only', () => {
    expect(chunkDocument(doc(), tokens)).toEqual([]);
    expect(chunkDocument(doc(h(1, 'Title'), h(2, 'Empty')), tokens)).toEqual([]);
  });

  it('packs short paragraphs into one chunk under their heading path', () => {
    const d = doc(h(1, 'Guide'), h(2, 'Setup'), p('Install it.'), p('Run   it.\n Done.'));
    const [chunk, ...more] = chunkDocument(d, tokens);
    expect(more).toEqual([]);
    expect(chunk).toEqual({
      index: 0,
      text: 'Install it.\n\nRun it. Done.',
      headingPath: ['Guide', 'Setup'],
      embeddingText: 'Guide > Setup\n\nInstall it.\n\nRun it. Done.',
      tokenCount: tokens.count('Guide > Setup\n\nInstall it.\n\nRun it. Done.'),
      firstBlock: 2,
      lastBlock: 3,
    });
  });

  it('opens a section at each heading and pops the path at the same or a higher level', () => {
    const d = doc(
      ...[h(1, 'A'), p('a.'), h(2, 'B'), p('b.'), h(3, 'C'), p('c.'), h(2, 'D'), p('d.')],
      ...[h(1, 'E'), p('e.'), h(3, 'F'), p('f.')],
    );
    const chunks = chunkDocument(d, tokens);
    expect(chunks.map((c) => [c.headingPath.join('/'), c.text])).toEqual([
      ['A', 'a.'],
      ['A/B', 'b.'],
      ['A/B/C', 'c.'],
      ['A/D', 'd.'],
      ['E', 'e.'],
      ['E/F', 'f.'],
    ]);
  });

  it('leaves the document title out of the heading path', () => {
    const d = { ...doc(h(1, 'Guide'), p('Intro.'), h(2, 'Setup'), p('Steps.')), title: 'Guide' };
    expect(chunkDocument(d, tokens).map((c) => c.headingPath)).toEqual([[], ['Setup']]);
  });

  it('gives up overlap rather than leave a short paragraph on its own', () => {
    const items = Array.from({ length: 7 }, (_, i) => `- item ${i} ${words(2, i * 2)}`).join('\n');
    const d = doc(p(sentences(4, 9)), p('Pitfalls:'), { kind: 'list', text: items });
    const chunks = chunkDocument(d, tokens, { targetTokens: 40, overlapTokens: 12 });
    expect(chunks.map((c) => c.text)).toEqual([sentences(4, 9), `Pitfalls:\n\n${items}`]);
  });

  it('keeps a paragraph that fits a chunk whole, starting a new chunk for it', () => {
    const first = sentences(3, 10);
    const second = sentences(4, 10);
    const chunks = chunkDocument(doc(p(first), p(second)), tokens, { targetTokens: 50 });
    expect(chunks).toHaveLength(2);
    expect(chunks[0]!.text).toBe(first);
    expect(chunks[1]!.text.endsWith(second)).toBe(true);
  });

  it('splits a long paragraph at sentence ends and carries whole sentences over', () => {
    const d = doc(p(sentences(20, 8)));
    const chunks = chunkDocument(d, tokens, { targetTokens: 40, overlapTokens: 10 });
    expect(chunks.length).toBeGreaterThan(4);
    for (const chunk of chunks) expect(chunk.text).toMatch(/^\w+ .*\.$/);
    chunks.slice(1).forEach((chunk, i) => {
      const carried = chunks[i]!.text.split('. ').at(-1)!;
      expect(chunk.text.startsWith(carried)).toBe(true);
    });
    expectChunkInvariants(d, chunks, tokens);
  });

  it('shares overlap within a section but never across a heading', () => {
    const d = doc(h(1, 'One'), p(sentences(12, 8)), h(1, 'Two'), p(sentences(12, 8)));
    const chunks = chunkDocument(d, tokens, { targetTokens: 40, overlapTokens: 10 });
    const overlaps = expectChunkInvariants(d, chunks, tokens);
    chunks.slice(1).forEach((chunk, i) => {
      const across = headingBetween(d, chunks[i]!, chunk);
      if (across) expect(overlaps[i + 1]).toBe(0);
      else expect(overlaps[i + 1]).toBeGreaterThan(0);
    });
    expect(chunks.some((c, i) => i > 0 && headingBetween(d, chunks[i - 1]!, c))).toBe(true);
  });

  it('keeps a table that fits the window in one chunk, even over the target', () => {
    const rows = ['name | role', ...Array.from({ length: 12 }, (_, i) => `n${i} | r${i}`)];
    const d = doc(p('Intro.'), { kind: 'table', text: rows.join('\n') });
    const chunks = chunkDocument(d, tokens, { targetTokens: 30 });
    const table = chunks.find((c) => c.text.includes('name | role'))!;
    expect(table.text.endsWith(rows.join('\n'))).toBe(true);
    expect(table.tokenCount).toBeGreaterThan(30);
  });

  it('splits a table longer than the window between rows, repeating its header', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `n${i} | r${i} | x${i}`);
    const d = doc({
      kind: 'table',
      text: ['name | role | extra', '--- | --- | ---', ...rows].join('\n'),
    });
    const chunks = chunkDocument(d, tokens, { targetTokens: 48, overlapTokens: 8 });
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      const [head, rule, ...body] = chunk.text.split('\n');
      expect([head, rule]).toEqual(['name | role | extra', '--- | --- | ---']);
      for (const row of body) expect(row).toMatch(/^n\d+ \| r\d+ \| x\d+$/);
    }
    expectChunkInvariants(d, chunks, tokens);
  });

  it('splits a list longer than the window between items', () => {
    const items = Array.from({ length: 30 }, (_, i) => `- item ${i} ${words(4, i * 4)}`);
    const d = doc({ kind: 'list', text: items.join('\n') });
    const chunks = chunkDocument(d, tokens);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      for (const line of chunk.text.split('\n')) expect(items).toContain(line);
    }
    expectChunkInvariants(d, chunks, tokens);
  });

  it('keeps code indentation and splits long code between lines', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i % 3)}call(${i});`);
    const d = doc({ kind: 'code', text: lines.join('\n') + '\n\n' });
    const chunks = chunkDocument(d, tokens);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      for (const line of chunk.text.split('\n'))
        expect(lines.map((l) => l.trim())).toContain(line.trim());
    }
    expect(chunks[0]!.text.split('\n')[1]).toBe('  call(1);');
  });

  it('splits a 5,000-character word by characters and every piece fits', () => {
    const url = `https://example.com/${'aZ09'.repeat(1245)}`;
    const d = doc(p(`See ${url} for details.`));
    const chunks = chunkDocument(d, tokens);
    expect(chunks.length).toBeGreaterThan(10);
    expect(
      chunks
        .map((c) => c.text)
        .join('')
        .replace(/\s+/g, ''),
    ).toContain(url);
    expectChunkInvariants(d, chunks, tokens);
  });

  it('cuts a heading path too long for the window, never the passage', () => {
    const d = doc(h(1, words(200)), h(2, words(80, 500)), p('The passage.'));
    const [chunk] = chunkDocument(d, tokens);
    expect(chunk!.text).toBe('The passage.');
    expect(chunk!.headingPath.join(' > ')).toMatch(/…$/);
    expect(chunk!.tokenCount).toBeLessThanOrEqual(64);
    expectChunkInvariants(d, [chunk!], tokens);
  });

  it('takes the page from the first block it draws from', () => {
    const d: ExtractedDocument = {
      format: 'pdf',
      pages: 3,
      blocks: [
        { kind: 'paragraph', text: 'On two.', page: 2 },
        { kind: 'paragraph', text: 'On three.', page: 3 },
      ],
    };
    const [chunk] = chunkDocument(d, tokens);
    expect(chunk).toMatchObject({ page: 2, firstBlock: 0, lastBlock: 1 });
  });

  it('still fits when the tokenizer is not additive', () => {
    const costly = fakeTokenCounter(40, { chargeNewlines: true });
    const items = Array.from({ length: 60 }, (_, i) => `- ${words(3, i * 3)}`);
    const d = doc({ kind: 'list', text: items.join('\n') }, p(sentences(10, 6)));
    expectChunkInvariants(d, chunkDocument(d, costly), costly);
  });

  it('refuses options that do not fit the window', () => {
    expect(() => chunkDocument(doc(p('x')), tokens, { targetTokens: 65 })).toThrow(RangeError);
    expect(() => chunkDocument(doc(p('x')), tokens, { overlapTokens: 40 })).toThrow(RangeError);
    expect(() => chunkDocument(doc(p('x')), fakeTokenCounter(6))).toThrow(RangeError);
  });
});
