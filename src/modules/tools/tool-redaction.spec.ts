import { redactInput } from './tool-redaction.js';

describe(redactInput.name, () => {
  it('replaces a top-level field and keeps the others', () => {
    expect(redactInput({ email: 'a@example.com', customerId: 'cus_alice' }, ['email'])).toEqual({
      email: '[redacted]',
      customerId: 'cus_alice',
    });
  });

  it('follows a dot path into nested objects', () => {
    const input = { when: 'soon', contact: { phone: '+14155550123', name: 'Ann' } };
    expect(redactInput(input, ['contact.phone'])).toEqual({
      when: 'soon',
      contact: { phone: '[redacted]', name: 'Ann' },
    });
  });

  it('redacts a field in every array element with `*`', () => {
    const input = {
      items: [
        { card: '4111', sku: 'a' },
        { card: '5500', sku: 'b' },
        { sku: 'c' }, // no card: nothing to redact, nothing added
      ],
    };
    expect(redactInput(input, ['items.*.card'])).toEqual({
      items: [{ card: '[redacted]', sku: 'a' }, { card: '[redacted]', sku: 'b' }, { sku: 'c' }],
    });
  });

  it('redacts every key of an object with `*`', () => {
    expect(redactInput({ secrets: { a: 1, b: { c: 2 } }, keep: 3 }, ['secrets.*'])).toEqual({
      secrets: { a: '[redacted]', b: '[redacted]' },
      keep: 3,
    });
  });

  it('redacts a whole subtree, and a present null value', () => {
    expect(redactInput({ contact: { phone: 'x' }, note: null }, ['contact', 'note'])).toEqual({
      contact: '[redacted]',
      note: '[redacted]',
    });
  });

  it('leaves the value alone when a path is missing or runs into a non-object', () => {
    const input = { contact: { name: 'Ann' }, email: 'a@example.com', tags: ['x'] };
    expect(
      redactInput(input, ['phone', 'contact.phone', 'email.domain', 'tags.*.x', 'a.b.c']),
    ).toEqual(input);
  });

  it('does not add a key that exists only on the prototype', () => {
    const output = redactInput({ a: 1 }, ['toString', 'constructor']) as Record<string, unknown>;
    expect(output).toEqual({ a: 1 });
    expect(Object.hasOwn(output, 'toString')).toBe(false);
    expect(Object.hasOwn(output, 'constructor')).toBe(false);
  });

  it('applies several paths', () => {
    expect(redactInput({ a: 1, b: { c: 2, d: 3 } }, ['a', 'b.d'])).toEqual({
      a: '[redacted]',
      b: { c: 2, d: '[redacted]' },
    });
  });

  it('returns a copy and never mutates the input', () => {
    const contact = { phone: '+14155550123' };
    const items = [{ card: '4111' }];
    const input = { email: 'a@example.com', contact, items };
    const snapshot = structuredClone(input);

    const output = redactInput(input, ['email', 'contact.phone', 'items.*.card']) as typeof input;

    expect(input).toEqual(snapshot);
    expect(input.contact).toBe(contact);
    expect(input.items[0]).toEqual({ card: '4111' });
    expect(output).not.toBe(input);
    expect(output.contact).not.toBe(contact);
    expect(output.items).not.toBe(items);
  });

  it('returns primitives and an empty path list unchanged', () => {
    expect(redactInput('text', ['a'])).toBe('text');
    expect(redactInput(null, ['a'])).toBeNull();
    expect(redactInput({ a: 1 }, [])).toEqual({ a: 1 });
  });
});
