import { readFileSync } from 'node:fs';

import { sniffContent } from './content-sniffer.js';
import { extractDocument } from './document.extractor.js';
import { refusalOf } from './testing/extraction-refusal.js';
import { TINY_PNG } from './testing/pdf.fixtures.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string, bom: boolean) =>
  new Uint8Array(
    Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]),
  );
const utf16be = (text: string, bom: boolean) => {
  const bytes = Buffer.from(text, 'utf16le').swap16();
  return new Uint8Array(Buffer.concat([Buffer.from(bom ? [0xfe, 0xff] : []), bytes]));
};

/** A 64-bit little-endian ELF header followed by zeros, as a compiler would start one. */
function elfHeader(): Uint8Array {
  const bytes = new Uint8Array(256);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0);
  bytes.set([2, 0, 0x3e, 0, 1, 0, 0, 0], 16);
  return bytes;
}

describe(sniffContent.name, () => {
  it.each([
    [
      'the bytes of /bin/ls',
      () => new Uint8Array(readFileSync('/bin/ls')),
      'a Linux executable (ELF)',
    ],
    ['a synthetic ELF header', elfHeader, 'a Linux executable (ELF)'],
    ['a tiny PNG', () => new Uint8Array(TINY_PNG), 'an image (PNG)'],
    ['a PNG header alone', () => new Uint8Array(TINY_PNG.subarray(0, 16)), 'an image (PNG)'],
    [
      'a ZIP archive',
      () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, ...new Array(40).fill(0)]),
      'a ZIP archive',
    ],
    ['RTF', () => utf8('{\\rtf1\\ansi Refund policy}'), 'an RTF document (export it as PDF)'],
    [
      'XML that is not a page',
      () => utf8('<?xml version="1.0"?><feed><entry/></feed>'),
      'XML that is not an HTML page',
    ],
    [
      'other bytes with NULs',
      () => new Uint8Array([1, 2, 3, 0, 250, 7, 0, 0, 9, 200, 0, 1]),
      'binary data',
    ],
  ])('refuses %s named notes.txt, saying what it looks like (415)', async (_, bytes, looksLike) => {
    const error = await refusalOf(
      extractDocument({ bytes: bytes(), name: 'notes.txt', declaredFormat: 'text' }),
    );
    expect(error).toMatchObject({
      code: 'UNSUPPORTED_CONTENT',
      status: 415,
      extensions: { looksLike },
    });
    expect(error.message).toContain(`"notes.txt" looks like ${looksLike}`);
  });

  it('takes text whose first bytes happen to match a binary signature', async () => {
    for (const text of [
      'BMW is a car maker.',
      'solid reasons to refund',
      'MZ tours',
      'ID3 tags',
      'FORM 1040',
    ]) {
      await expect(sniffContent(utf8(text))).resolves.toEqual({ kind: 'text', encoding: 'utf-8' });
    }
  });

  it('recognises PDFs by their header (also after leading junk), and BOMs before anything else', async () => {
    await expect(sniffContent(utf8('%PDF-1.7\n...'))).resolves.toEqual({ kind: 'pdf' });
    await expect(sniffContent(utf8('\n\n  %PDF-1.4\n'))).resolves.toEqual({ kind: 'pdf' });
    await expect(sniffContent(utf16le('hello', true))).resolves.toEqual({
      kind: 'text',
      encoding: 'utf-16le',
    });
    await expect(sniffContent(utf16be('hello', true))).resolves.toEqual({
      kind: 'text',
      encoding: 'utf-16be',
    });
    await expect(sniffContent(utf8('\uFEFFhello'))).resolves.toEqual({
      kind: 'text',
      encoding: 'utf-8',
    });
    await expect(
      sniffContent(utf8('<?xml version="1.0"?><html><body>x</body></html>')),
    ).resolves.toEqual({
      kind: 'text',
      encoding: 'utf-8',
    });
  });

  it.each([
    ['little', utf16le('Refund policy: thirty days, no questions asked.', false)],
    ['big', utf16be('Refund policy: thirty days, no questions asked.', false)],
  ])(
    'refuses %s-endian UTF-16 without a BOM, asking for UTF-8 (422)',
    async (endianness, bytes) => {
      const error = await refusalOf(extractDocument({ bytes, name: 'policy.txt' }));
      expect(error).toMatchObject({
        code: 'UTF16_WITHOUT_BOM',
        status: 422,
        extensions: { endianness },
      });
      expect(error.message).toContain('Re-save it as UTF-8');
    },
  );

  it('decodes UTF-16 with a BOM, either endianness, and UTF-8 with a BOM', async () => {
    const text = 'Refund policy: thirty days, café included.';
    for (const bytes of [utf16le(text, true), utf16be(text, true), utf8(`\uFEFF${text}`)]) {
      const doc = await extractDocument({ bytes });
      expect(doc).toEqual({ format: 'text', blocks: [{ kind: 'paragraph', text }] });
    }
  });
});
