import {
  BodyTooDeepError,
  BodyTooManyKeysError,
  UnsupportedCharsetError,
} from '../errors/common.errors.js';
import { checkJsonShape } from './body-parsers.js';

describe(checkJsonShape.name, () => {
  const limits = { maxDepth: 3, maxKeys: 2 };
  const deep = '[[[[]]]]';

  it('passes a body within the bounds', () => {
    expect(() => checkJsonShape(Buffer.from('{"a":[[1]],"b":2}'), 'utf-8', limits)).not.toThrow();
  });

  it('throws the refusal that names the bound and its variable', () => {
    expect(() => checkJsonShape(Buffer.from(deep), 'utf-8', limits)).toThrow(BodyTooDeepError);
    expect(() => checkJsonShape(Buffer.from(deep), 'utf-8', limits)).toThrow(
      /more than 3 levels deep \(SWITCHBOARD_BODY_MAX_DEPTH\)/,
    );
    expect(() => checkJsonShape(Buffer.from('{"a":1,"b":2,"c":3}'), 'utf-8', limits)).toThrow(
      new BodyTooManyKeysError(2),
    );
  });

  it('decodes other UTF charsets before scanning, so they cannot slip past', () => {
    const utf16be = Buffer.from(deep, 'utf16le').swap16();
    expect(() => checkJsonShape(Buffer.from(deep, 'utf16le'), 'utf-16le', limits)).toThrow(
      BodyTooDeepError,
    );
    expect(() => checkJsonShape(utf16be, 'utf-16be', limits)).toThrow(BodyTooDeepError);
    // U+5B22 is the bytes 0x22 0x5B in UTF-16LE: a quote and a bracket if read as bytes.
    const tricky = Buffer.from('{"a":"\u5b22"}', 'utf16le');
    expect(() => checkJsonShape(tricky, 'utf-16le', limits)).not.toThrow();
  });

  it('refuses a charset it cannot decode instead of skipping the check', () => {
    expect(() => checkJsonShape(Buffer.from(deep), 'utf-32', limits)).toThrow(
      UnsupportedCharsetError,
    );
  });
});
