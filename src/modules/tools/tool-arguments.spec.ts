import { Type } from 'class-transformer';
import {
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';

import { MAX_ARGUMENTS_BYTES, MAX_ARGUMENTS_DEPTH, parseToolArguments } from './tool-arguments.js';

class ArgsContact {
  @IsString()
  @Matches(/^\+[1-9][0-9]{6,14}$/)
  phone!: string;
}

class ArgsItem {
  @IsString()
  sku!: string;
}

class ArgsInput {
  @IsString()
  name!: string;

  @IsInt()
  @Min(1)
  count!: number;

  @IsObject() // @ValidateNested alone lets a missing or array value through
  @ValidateNested()
  @Type(() => ArgsContact)
  contact!: ArgsContact;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ArgsItem)
  items?: ArgsItem[];
}

class ArgsAllOptional {
  @IsOptional()
  @IsString()
  note?: string;
}

const valid = { name: 'Ann', count: 2, contact: { phone: '+14155550123' } };

const NOT_AN_OBJECT = [{ pointer: '', detail: 'arguments must be a JSON object' }];
const NOT_ALLOWED = 'this property name is not allowed';

async function errorsFor(text: string, dto: new () => object = ArgsInput) {
  const result = await parseToolArguments(dto, text);
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  return result.errors;
}

describe(parseToolArguments.name, () => {
  it('turns valid arguments into a DTO instance with nested instances', async () => {
    const text = JSON.stringify({ ...valid, items: [{ sku: 'a' }] });
    const result = await parseToolArguments(ArgsInput, text);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input).toBeInstanceOf(ArgsInput);
    expect(result.input.contact).toBeInstanceOf(ArgsContact);
    expect(result.input.items?.[0]).toBeInstanceOf(ArgsItem);
    expect(result.input).toEqual({ ...valid, items: [{ sku: 'a' }] });
    expect(result.plain).toEqual(JSON.parse(text));
  });

  it('does not convert types implicitly', async () => {
    expect(await errorsFor(JSON.stringify({ ...valid, name: 42, count: '2' }))).toEqual(
      expect.arrayContaining([
        { pointer: '/name', detail: 'name must be a string' },
        { pointer: '/count', detail: 'count must be an integer number' },
      ]),
    );
  });

  it('reports every failing constraint of every field', async () => {
    const errors = await errorsFor(JSON.stringify({ ...valid, count: 0.5 }));
    expect(errors).toEqual(
      expect.arrayContaining([
        { pointer: '/count', detail: 'count must be an integer number' },
        { pointer: '/count', detail: 'count must not be less than 1' },
      ]),
    );
    expect(errors.every((e) => e.pointer === '/count')).toBe(true);
  });

  it('reports missing fields', async () => {
    const errors = await errorsFor(JSON.stringify({ contact: valid.contact }));
    expect(new Set(errors.map((e) => e.pointer))).toEqual(new Set(['/name', '/count']));
    expect(await errorsFor(JSON.stringify({ name: 'Ann', count: 1 }))).toEqual([
      { pointer: '/contact', detail: 'contact must be an object' },
    ]);
  });

  it('refuses unknown fields instead of dropping them', async () => {
    expect(await errorsFor(JSON.stringify({ ...valid, admin: true }))).toEqual([
      { pointer: '/admin', detail: 'property admin should not exist' },
    ]);
    expect(
      await errorsFor(JSON.stringify({ ...valid, contact: { ...valid.contact, extra: 1 } })),
    ).toEqual([{ pointer: '/contact/extra', detail: 'property extra should not exist' }]);
  });

  it('points into nested objects and array elements', async () => {
    const errors = await errorsFor(
      JSON.stringify({ ...valid, contact: { phone: '555' }, items: [{ sku: 'a' }, { sku: 7 }] }),
    );
    expect(errors.map((e) => e.pointer).sort()).toEqual(['/contact/phone', '/items/1/sku']);
  });

  it('refuses a nested DTO that is not an object', async () => {
    for (const contact of ['+14155550123', 5, null, [], [valid.contact]]) {
      const errors = await errorsFor(JSON.stringify({ ...valid, contact }));
      expect(errors.map((e) => e.pointer)).toContain('/contact');
    }
  });

  it.each(['[]', '[{"name":"Ann"}]', '42', 'null', '"text"', 'true'])(
    'refuses the non-object JSON %s',
    async (text) => {
      expect(await errorsFor(text)).toEqual(NOT_AN_OBJECT);
    },
  );

  it.each(['{', '{"name":', "{'name':'Ann'}", 'undefined', '{"a":1}}', ' '])(
    'refuses the invalid JSON %j',
    async (text) => {
      expect(await errorsFor(text)).toEqual(NOT_AN_OBJECT);
    },
  );

  it('treats an empty string as {}', async () => {
    const errors = await errorsFor('');
    expect(errors).not.toEqual(NOT_AN_OBJECT);
    expect(new Set(errors.map((e) => e.pointer))).toEqual(new Set(['/name', '/count', '/contact']));

    const result = await parseToolArguments(ArgsAllOptional, '');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.plain).toEqual({});
  });

  describe('size limit', () => {
    const json = JSON.stringify({ note: 'x' });
    const padTo = (bytes: number) => json + ' '.repeat(bytes - json.length);

    it('accepts exactly MAX_ARGUMENTS_BYTES', async () => {
      expect(MAX_ARGUMENTS_BYTES).toBe(16 * 1024);
      expect((await parseToolArguments(ArgsAllOptional, padTo(MAX_ARGUMENTS_BYTES))).ok).toBe(true);
    });

    it('refuses one byte more, before parsing', async () => {
      expect(await errorsFor(padTo(MAX_ARGUMENTS_BYTES + 1), ArgsAllOptional)).toEqual([
        { pointer: '', detail: `arguments must be at most ${MAX_ARGUMENTS_BYTES} bytes of JSON` },
      ]);
    });

    it('counts UTF-8 bytes, not characters', async () => {
      const note = 'é'.repeat(MAX_ARGUMENTS_BYTES / 2); // 2 bytes each: over the limit
      const text = JSON.stringify({ note });
      expect(text.length).toBeLessThan(MAX_ARGUMENTS_BYTES);
      expect(await errorsFor(text, ArgsAllOptional)).toEqual([
        { pointer: '', detail: `arguments must be at most ${MAX_ARGUMENTS_BYTES} bytes of JSON` },
      ]);
    });
  });

  describe('prototype-pollution keys', () => {
    it.each([
      ['{"__proto__":{"polluted":1}}', '/__proto__'],
      ['{"constructor":{"prototype":{"polluted":1}}}', '/constructor'],
      ['{"prototype":1}', '/prototype'],
      ['{"name":"Ann","contact":{"__proto__":{"phone":"+14155550123"}}}', '/contact/__proto__'],
      ['{"contact":{"phone":"+14155550123","constructor":1}}', '/contact/constructor'],
      ['{"items":[{"sku":"a"},{"prototype":{}}]}', '/items/1/prototype'],
      ['{"a/b":{"x~y":{"__proto__":null}}}', '/a~1b/x~0y/__proto__'],
    ])('refuses %s at %s', async (text, pointer) => {
      expect(await errorsFor(text)).toEqual([{ pointer, detail: NOT_ALLOWED }]);
    });

    it('refuses them even where the DTO would otherwise accept the object', async () => {
      const text = `{"name":"Ann","count":1,"contact":{"phone":"+14155550123"},"__proto__":{}}`;
      expect(await errorsFor(text)).toEqual([{ pointer: '/__proto__', detail: NOT_ALLOWED }]);
    });

    it('allows the same words as values and inside longer names', async () => {
      const result = await parseToolArguments(
        ArgsInput,
        JSON.stringify({ ...valid, name: '__proto__', items: [{ sku: 'constructor' }] }),
      );
      expect(result.ok).toBe(true);
    });

    it('leaves Object.prototype untouched', async () => {
      await parseToolArguments(ArgsInput, '{"__proto__":{"polluted":1}}');
      await parseToolArguments(ArgsInput, '{"constructor":{"prototype":{"polluted":1}}}');
      await parseToolArguments(ArgsAllOptional, '{"note":"x","__proto__":{"polluted":1}}');

      expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((new ArgsInput() as unknown as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  // class-transformer skips plain keys that name a function
  // on the instance (Object.prototype's valueOf, toString, hasOwnProperty, …), so the whitelist
  // never sees them: the call is accepted and `plain` (digested, audited, shown to approvers)
  // would carry the unvalidated value, so every Object.prototype name is refused up front.
  it('refuses unknown keys named like Object.prototype methods', async () => {
    for (const key of ['valueOf', 'toString', 'hasOwnProperty', 'isPrototypeOf']) {
      const text = JSON.stringify({ ...valid, [key]: { note: 'not validated' } });
      expect(await parseToolArguments(ArgsInput, text)).toEqual({
        ok: false,
        errors: [{ pointer: `/${key}`, detail: 'this property name is not allowed' }],
      });
    }
  });

  describe('text a database or canonical JSON cannot hold', () => {
    const detail = 'text must not contain NUL characters or unpaired surrogates';
    it.each([
      ['a NUL in a value', { ...valid, name: 'A\u0000nn' }, '/name'],
      ['a lone high surrogate', { ...valid, name: 'Ann\ud800' }, '/name'],
      [
        'a lone low surrogate, nested',
        { ...valid, contact: { phone: '\udc00' } },
        '/contact/phone',
      ],
    ])('refuses %s before validation, naming the field', async (_, value, pointer) => {
      expect(await parseToolArguments(ArgsInput, JSON.stringify(value))).toEqual({
        ok: false,
        errors: [{ pointer, detail }],
      });
    });

    it('refuses such a key, and accepts a well-formed surrogate pair', async () => {
      const key = await parseToolArguments(ArgsInput, JSON.stringify({ ...valid, 'x\u0000': 1 }));
      expect(key).toMatchObject({
        ok: false,
        errors: [{ detail: 'this property name is not allowed' }],
      });
      const emoji = await parseToolArguments(
        ArgsInput,
        JSON.stringify({ ...valid, name: 'Ann 😀' }),
      );
      expect(emoji).toMatchObject({ ok: true });
    });
  });

  describe('nesting depth', () => {
    const tooDeep = `arguments must not nest deeper than ${MAX_ARGUMENTS_DEPTH} levels`;
    /** An object `levels` containers deep (the arguments object itself is level 1). */
    const nested = (levels: number): string =>
      levels === 1 ? '{}' : `{"x":${nested(levels - 1)}}`;

    it(`allows ${MAX_ARGUMENTS_DEPTH} levels`, async () => {
      expect(MAX_ARGUMENTS_DEPTH).toBe(16);
      const errors = await errorsFor(nested(MAX_ARGUMENTS_DEPTH), ArgsAllOptional);
      expect(errors).toEqual([{ pointer: '/x', detail: 'property x should not exist' }]);
    });

    it('refuses one level more, pointing at the container that is too deep', async () => {
      expect(await errorsFor(nested(MAX_ARGUMENTS_DEPTH + 1), ArgsAllOptional)).toEqual([
        { pointer: '/x'.repeat(MAX_ARGUMENTS_DEPTH), detail: tooDeep },
      ]);
    });

    it('counts arrays as levels too', async () => {
      const arrays = `{"items":${'['.repeat(MAX_ARGUMENTS_DEPTH)}${']'.repeat(MAX_ARGUMENTS_DEPTH)}}`;
      expect(await errorsFor(arrays)).toEqual([
        { pointer: `/items${'/0'.repeat(MAX_ARGUMENTS_DEPTH - 1)}`, detail: tooDeep },
      ]);
    });

    it('answers nesting that would exhaust the stack with an error, not a throw', async () => {
      const depth = 5_000;
      const text = `{"name":"Ann","deep":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      expect(Buffer.byteLength(text)).toBeLessThan(MAX_ARGUMENTS_BYTES);
      const errors = await errorsFor(text);
      expect(errors).toHaveLength(1);
      expect(errors[0].detail).toBe(tooDeep);
    });

    it('leaves scalars at the deepest level alone', async () => {
      const deepest = `{"note":"x","a":${'['.repeat(MAX_ARGUMENTS_DEPTH - 1)}1${']'.repeat(MAX_ARGUMENTS_DEPTH - 1)}}`;
      expect(await errorsFor(deepest, ArgsAllOptional)).toEqual([
        { pointer: '/a', detail: 'property a should not exist' },
      ]);
    });
  });
});
