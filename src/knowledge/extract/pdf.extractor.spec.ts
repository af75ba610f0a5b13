import fc from 'fast-check';

import { extractDocument } from './document.extractor.js';
import { DEFAULT_EXTRACTION_LIMITS } from './extraction.types.js';
import { isExtractionError, refusalOf } from './testing/extraction-refusal.js';
import { imageOnlyPdf, longPdf, makePdf, passwordPdf, textPdf } from './testing/pdf.fixtures.js';

const REFUND = 'Customers may return any item within thirty days of delivery for a full refund.';
const LABEL = 'Write to support with your order number and we send a prepaid return label.';

function threePages(): Promise<Uint8Array> {
  return textPdf(
    [
      { heading: 'Refund policy', paragraphs: [REFUND, LABEL] },
      { heading: 'Exceptions', paragraphs: ['Gift cards cannot be refunded.'] },
      { heading: 'Contact', paragraphs: ['Call us on weekdays between nine and five.'] },
    ],
    { info: { Title: 'Acme refund policy' } },
  );
}

describe('PDF extraction', () => {
  it('reads a text PDF page by page, with paragraphs, page numbers and the metadata title', async () => {
    const doc = await extractDocument({ bytes: await threePages(), name: 'policy.pdf' });
    expect(doc).toMatchObject({ format: 'pdf', title: 'Acme refund policy', pages: 3 });
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: 'Refund policy', page: 1 },
      { kind: 'paragraph', text: REFUND, page: 1 },
      { kind: 'paragraph', text: LABEL, page: 1 },
      { kind: 'paragraph', text: 'Exceptions', page: 2 },
      { kind: 'paragraph', text: 'Gift cards cannot be refunded.', page: 2 },
      { kind: 'paragraph', text: 'Contact', page: 3 },
      { kind: 'paragraph', text: 'Call us on weekdays between nine and five.', page: 3 },
    ]);
  });

  it('rejoins lines that wrap and groups bullet lines as a list', async () => {
    const long = `${REFUND} ${LABEL} ${REFUND}`;
    const bytes = await makePdf({}, (pdf) => {
      pdf.fontSize(12).text(long, { width: 200 }).moveDown();
      pdf.text('What to include:').text('• the order number').text('• the receipt');
    });
    const { blocks, title } = await extractDocument({ bytes });
    expect(title).toBeUndefined();
    expect(blocks).toEqual([
      { kind: 'paragraph', text: long, page: 1 },
      { kind: 'paragraph', text: 'What to include:', page: 1 },
      { kind: 'list', text: '• the order number\n• the receipt', page: 1 },
    ]);
  });

  it('sniffs a PDF by its bytes whatever the name or declared format, and leaves the input intact', async () => {
    const bytes = await threePages();
    const copy = bytes.slice();
    const doc = await extractDocument({ bytes, name: 'notes.txt', declaredFormat: 'text' });
    expect(doc.format).toBe('pdf');
    expect(bytes).toEqual(copy);
  });

  it('refuses a PDF over maxPages before reading its text (413)', async () => {
    const error = await refusalOf(
      extractDocument(
        { bytes: await threePages(), name: 'big.pdf' },
        { ...DEFAULT_EXTRACTION_LIMITS, maxPages: 2 },
      ),
    );
    expect(error).toMatchObject({
      code: 'PDF_TOO_MANY_PAGES',
      status: 413,
      extensions: { pages: 3, limit: 2 },
    });
    expect(error.message).toBe(
      '"big.pdf" has 3 pages; the limit is 2. Split it into parts of at most 2 pages and upload them separately.',
    );
  });

  it('refuses an image-only PDF as needing OCR (422)', async () => {
    const error = await refusalOf(
      extractDocument({ bytes: await imageOnlyPdf(), name: 'scan.pdf' }),
    );
    expect(error).toMatchObject({ code: 'PDF_NO_TEXT', status: 422, extensions: { pages: 1 } });
    expect(error.message).toContain('OCR');
  });

  it('refuses an AES-256 user-password PDF (422)', async () => {
    const error = await refusalOf(
      extractDocument({ bytes: await passwordPdf(), name: 'secret.pdf' }),
    );
    expect(error).toMatchObject({ code: 'PDF_ENCRYPTED', status: 422 });
    expect(error.message).toContain('password');
  });

  it('opens an owner-password-only PDF: it needs no password to read', async () => {
    const bytes = await makePdf({ ownerPassword: 'o', pdfVersion: '1.7ext3' }, (pdf) =>
      pdf.text('Printing is restricted, reading is not.'),
    );
    const { blocks } = await extractDocument({ bytes });
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Printing is restricted, reading is not.', page: 1 },
    ]);
  });

  it.each([
    ['truncated to half', (b: Uint8Array) => b.slice(0, b.length >> 1)],
    ['cut after the header', (b: Uint8Array) => b.slice(0, 40)],
    ['only a header', () => new TextEncoder().encode('%PDF-1.7\n')],
    [
      'garbled',
      (b: Uint8Array) => b.map((byte, i) => (i > 200 && i % 7 === 0 ? byte ^ 0x5a : byte)),
    ],
  ])('refuses a PDF %s as damaged (422), without library text', async (_, damage) => {
    const error = await refusalOf(extractDocument({ bytes: damage(await threePages()) }));
    expect(error).toMatchObject({ code: 'PDF_CORRUPT', status: 422 });
    expect(error.message).not.toMatch(/Invalid PDF structure|Exception|at /);
  });

  it('throws nothing but extraction errors for randomly damaged PDFs', async () => {
    const original = await threePages();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.nat(original.length),
        async (edits, cut) => {
          const bytes = original.slice(0, Math.max(cut, 16));
          for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
          await extractDocument({ bytes }).then(
            (doc) => expect(doc.blocks.every((b) => b.text.trim())).toBe(true),
            (error: unknown) => expect(isExtractionError(error)).toBe(true),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads 100 pages within seconds', async () => {
    const bytes = await longPdf(100);
    const started = performance.now();
    const doc = await extractDocument({ bytes });
    const ms = performance.now() - started;
    expect(doc.pages).toBe(100);
    expect(doc.blocks.filter((b) => b.page === 100)).toHaveLength(6);
    expect(ms).toBeLessThan(15_000);
  });
});
