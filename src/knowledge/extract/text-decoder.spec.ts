import fc from 'fast-check';

import { extractDocument } from './document.extractor.js';
import { decodeText, firstInvalidUtf8 } from './text-decoder.js';
import { refusalOf } from './testing/extraction-refusal.js';

describe(decodeText.name, () => {
  it('refuses Latin-1 text as invalid UTF-8, naming the first bad byte and its line (422)', async () => {
    const bytes = new Uint8Array([
      ...Buffer.from('Refunds\nfor caf'),
      0xe9,
      ...Buffer.from(' orders'),
    ]);
    const error = await refusalOf(extractDocument({ bytes, name: 'menu.txt' }));
    expect(error).toMatchObject({
      code: 'INVALID_UTF8',
      status: 422,
      extensions: { offset: 15, line: 2 },
    });
    expect(error.message).toBe(
      '"menu.txt" is not valid UTF-8 (first invalid byte at offset 15, line 2). It is probably saved in a legacy encoding such as Windows-1252 or Latin-1: re-save it as UTF-8 and upload it again.',
    );
  });

  it.each([
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a sequence cut short', [0xe2, 0x82]],
    ['a stray continuation byte', [0x80]],
  ])('refuses %s', async (_, bad) => {
    const bytes = new Uint8Array([...Buffer.from('text '), ...bad, ...Buffer.from(' more')]);
    const error = await refusalOf(extractDocument({ bytes }));
    expect(error).toMatchObject({ code: 'INVALID_UTF8', extensions: { offset: 5, line: 1 } });
  });

  it('calls invalid UTF-8 full of control bytes binary data (415), not a legacy encoding', () => {
    const bytes = new Uint8Array(
      Array.from({ length: 400 }, (_, i) => (i % 3 ? 0x80 + (i % 0x7f) : 1 + (i % 8))),
    );
    expect(() => decodeText(bytes, 'utf-8')).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_CONTENT', status: 415 }),
    );
  });

  it('calls Cyrillic in Windows-1251 invalid UTF-8 (a re-save fixes it), not binary', () => {
    const bytes = new Uint8Array([
      0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xec, 0xe8, 0xf0, 0x0a,
    ]);
    expect(() => decodeText(bytes, 'utf-8')).toThrow(
      expect.objectContaining({ code: 'INVALID_UTF8', extensions: { offset: 0, line: 1 } }),
    );
  });

  it('calls valid UTF-8 with many control characters binary data (415)', () => {
    const bytes = new TextEncoder().encode('a\u0001b\u0002c\u0003d\u0004 and some more text here');
    expect(() => decodeText(bytes, 'utf-8')).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_CONTENT' }),
    );
  });

  it('refuses UTF-16 with a BOM whose bytes are not UTF-16 (422)', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]);
    expect(() => decodeText(bytes, 'utf-16le')).toThrow(
      expect.objectContaining({ code: 'INVALID_UTF16', status: 422 }),
    );
  });

  it('drops the BOM, normalises newlines and removes stray control characters', () => {
    const prose = 'Refunds take five business days. '.repeat(10);
    const bytes = new TextEncoder().encode(`\uFEFFa\r\nb\rc\u0000d\u0007e\tf ${prose}`);
    expect(decodeText(bytes, 'utf-8')).toBe(`a\nb\ncde\tf ${prose}`);
  });

  it('finds the first invalid byte exactly where a strict decoder fails', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        const offset = firstInvalidUtf8(bytes);
        expect(offset === -1).toBe(valid);
        if (!valid) {
          // Everything before the offset is valid UTF-8 on its own.
          expect(() =>
            new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, offset)),
          ).not.toThrow();
        }
      }),
      { numRuns: 1000 },
    );
  });
});
