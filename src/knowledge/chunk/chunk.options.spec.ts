import {
  DEFAULT_OVERLAP_TOKENS,
  DEFAULT_TARGET_TOKENS,
  resolveChunkOptions,
} from './chunk.options.js';

describe(resolveChunkOptions.name, () => {
  it('uses the defaults for the MiniLM window', () => {
    expect(resolveChunkOptions(256, 2)).toEqual({
      targetTokens: DEFAULT_TARGET_TOKENS,
      overlapTokens: DEFAULT_OVERLAP_TOKENS,
    });
  });

  it('scales omitted values down to a small window', () => {
    expect(resolveChunkOptions(48, 2)).toEqual({ targetTokens: 48, overlapTokens: 11 });
    expect(resolveChunkOptions(256, 2, { targetTokens: 50 })).toEqual({
      targetTokens: 50,
      overlapTokens: 12,
    });
  });

  it.each([
    [{ targetTokens: 257 }],
    [{ targetTokens: 9 }],
    [{ targetTokens: 100.5 }],
    [{ overlapTokens: -1 }],
    [{ targetTokens: 100, overlapTokens: 50 }],
  ])('refuses %j', (options) => {
    expect(() => resolveChunkOptions(256, 2, options)).toThrow(RangeError);
  });

  it('refuses a window with no room for a passage', () => {
    expect(() => resolveChunkOptions(9, 2)).toThrow(RangeError);
  });
});
