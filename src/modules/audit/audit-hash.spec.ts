import { createHash } from 'node:crypto';

import { entryHash, GENESIS_HASH } from './audit-hash.js';
import { redactSecrets } from './audit-redaction.js';

describe(entryHash.name, () => {
  const fields = {
    seq: 1,
    at: '2026-11-25T12:00:00.000Z',
    actor: 'system',
    action: 'x.y',
    subject: 's',
    data: { b: 2, a: [1, 'z'] },
  };

  it('is sha256(prevHash ‖ RFC 8785 canonical JSON)', () => {
    const canonical =
      '{"action":"x.y","actor":"system","at":"2026-11-25T12:00:00.000Z","data":{"a":[1,"z"],"b":2},"seq":1,"subject":"s"}';
    expect(entryHash(GENESIS_HASH, fields)).toBe(
      createHash('sha256').update(GENESIS_HASH).update(canonical).digest('hex'),
    );
  });

  it('does not depend on key order, and changes with any field or the previous hash', () => {
    const reordered = { ...fields, data: { a: [1, 'z'], b: 2 } };
    expect(entryHash(GENESIS_HASH, reordered)).toBe(entryHash(GENESIS_HASH, fields));
    expect(entryHash(GENESIS_HASH, { ...fields, data: { a: [1, 'z'], b: 3 } })).not.toBe(
      entryHash(GENESIS_HASH, fields),
    );
    expect(entryHash('f'.repeat(64), fields)).not.toBe(entryHash(GENESIS_HASH, fields));
  });
});

describe(redactSecrets.name, () => {
  it('replaces values under secret-looking keys at any depth, keeps the rest', () => {
    expect(
      redactSecrets({
        apiKey: 'sk_sb_x',
        nested: [{ client_secret: 'ek_1', authorization: 'Bearer t', note: 'ok' }],
        usage: { input_tokens: 12 },
        value: 'ek_2',
      }),
    ).toEqual({
      apiKey: '[redacted]',
      nested: [{ client_secret: '[redacted]', authorization: '[redacted]', note: 'ok' }],
      usage: { input_tokens: 12 },
      value: '[redacted]',
    });
  });
});
