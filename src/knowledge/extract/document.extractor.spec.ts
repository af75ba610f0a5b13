import fc from 'fast-check';

import { extractDocument } from './document.extractor.js';
import { DEFAULT_EXTRACTION_LIMITS } from './extraction.types.js';
import { isExtractionError, refusalOf } from './testing/extraction-refusal.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const PAGE =
  '<!doctype html><html><head><title>T</title></head><body><p>Hello <b>there</b>.</p></body></html>';

/** Resolves to a document with non-blank blocks, or rejects with an extraction refusal. */
async function expectWellBehaved(bytes: Uint8Array): Promise<void> {
  await extractDocument({ bytes }).then(
    (doc) => {
      expect(doc.blocks.length).toBeGreaterThan(0);
      for (const block of doc.blocks) expect(block.text.trim()).not.toBe('');
    },
    (error: unknown) => {
      if (!isExtractionError(error)) throw error;
    },
  );
}

describe(extractDocument.name, () => {
  it('defaults to 10 MiB and 300 pages', () => {
    expect(DEFAULT_EXTRACTION_LIMITS).toEqual({ maxBytes: 10 * 1024 * 1024, maxPages: 300 });
  });

  it('checks the size before anything else, saying the limit (413)', async () => {
    const error = await refusalOf(
      extractDocument(
        { bytes: new Uint8Array(2048), name: 'dump.bin' },
        { maxBytes: 1024, maxPages: 1 },
      ),
    );
    expect(error).toMatchObject({
      code: 'DOCUMENT_TOO_LARGE',
      status: 413,
      extensions: { size: 2048, limit: 1024 },
    });
    expect(error.message).toBe(
      '"dump.bin" is 2.0 KiB; the limit is 1.0 KiB. Split it into smaller files (or remove embedded images) and upload them separately.',
    );
  });

  it.each([
    ['no bytes', new Uint8Array(0)],
    ['only whitespace', utf8(' \n\t\r\n  ')],
    ['only a BOM and spaces', utf8('\uFEFF   ')],
  ])('refuses %s as empty (422)', async (_, bytes) => {
    const error = await refusalOf(extractDocument({ bytes, name: 'empty.md' }));
    expect(error).toMatchObject({ code: 'DOCUMENT_EMPTY', status: 422 });
    expect(error.message).toBe(
      '"empty.md" is empty or contains only whitespace. Upload a file that contains the text to index.',
    );
  });

  it('refuses Markdown that has no text once its markup is gone (422)', async () => {
    const error = await refusalOf(
      extractDocument({ bytes: utf8('---\ntitle: x\n---\n\n<!-- nothing -->\n\n---\n') }),
    );
    expect(error).toMatchObject({ code: 'DOCUMENT_EMPTY', status: 422 });
    expect(error.message).toContain('no text once its markup is removed');
  });

  it('honours a declared text format over what the content looks like', async () => {
    const asText = await extractDocument({ bytes: utf8(PAGE), declaredFormat: 'text' });
    expect(asText).toEqual({ format: 'text', blocks: [{ kind: 'paragraph', text: PAGE }] });
    const asMarkdown = await extractDocument({
      bytes: utf8('Plain words'),
      declaredFormat: 'markdown',
    });
    expect(asMarkdown.format).toBe('markdown');
    const sniffed = await extractDocument({ bytes: utf8(PAGE), declaredFormat: 'pdf' });
    expect(sniffed).toMatchObject({
      format: 'html',
      title: 'T',
      blocks: [{ kind: 'paragraph', text: 'Hello there.' }],
    });
  });

  it('keeps the file name out of the format decision and sanitises it in messages', async () => {
    const doc = await extractDocument({ bytes: utf8('# Notes\n\ntext'), name: 'report.pdf' });
    expect(doc.format).toBe('markdown');
    const error = await refusalOf(
      extractDocument({ bytes: new Uint8Array(0), name: 'a"b\u0000c.txt' }),
    );
    expect(error.message.startsWith('"abc.txt" is empty')).toBe(true);
  });

  it('never throws anything but an extraction refusal on random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), expectWellBehaved), {
      numRuns: 300,
    });
  });

  it('never throws anything but an extraction refusal on random text, markup and PDF-ish bytes', async () => {
    const piece = fc.constantFrom(
      '<div>',
      '</div>',
      '<p>',
      '<ul><li>',
      '</li>',
      '<table><tr><td>',
      '<h1>',
      '<script>',
      '<!--',
      '# ',
      '## ',
      '- ',
      '1. ',
      '> ',
      '```',
      '|',
      '| --- |',
      '[a](b)',
      '**',
      '_',
      '*',
      '\n',
      '\n\n',
      '---\n',
      '%PDF-1.7\n',
      'obj',
      'stream',
      '\u0000',
      '\uFEFF',
      'é',
      '\u{1F600}',
      ' ',
      'word',
    );
    const text = fc.oneof(
      fc.array(piece, { maxLength: 200 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary', maxLength: 500 }),
    );
    await fc.assert(
      fc.asyncProperty(text, (t) => expectWellBehaved(utf8(t))),
      { numRuns: 400 },
    );
  });
});
