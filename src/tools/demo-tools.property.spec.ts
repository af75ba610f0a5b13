import { jest } from '@jest/globals';
import type { Type } from '@nestjs/common';
import fc from 'fast-check';

import { parseToolArguments } from '../modules/tools/index.js';
import { IssueRefundInput } from './issue-refund/issue-refund.input.js';
import { LookupOrderInput } from './lookup-order/lookup-order.input.js';
import {
  CALLBACK_TOPICS,
  CallbackContact,
  ScheduleCallbackInput,
} from './schedule-callback/schedule-callback.input.js';
import { UpdateCustomerEmailInput } from './update-customer-email/update-customer-email.input.js';

/*
 * Property: whatever JSON the model sends, a demo tool's `execute` runs only for arguments its
 * input DTO allows. The predicates below are written by hand from the DTOs' rules, without
 * class-validator, so they check the real parser (`parseToolArguments`) independently.
 *
 * Where a rule is too involved to restate exactly (email syntax, ISO 8601), a DTO has two
 * predicates: `mayRun` (necessary: the tool runs only if it holds) and `mustRun` (sufficient: the
 * tool must run when it holds). Elsewhere they are the same exact predicate.
 */

type Json = unknown;
type Fields = Record<string, Json>;

const RUNS = { valid: 300, json: 300, objects: 300, nearValid: 500 } as const;

// ---------------------------------------------------------------------------------------------
// Predicate helpers

function isRecord(value: Json): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Fields, allowed: readonly string[]): boolean {
  return Object.keys(value).every((key) => allowed.includes(key));
}

/** `@IsOptional()`: a missing or null value skips the field's other rules. */
function isAbsent(value: Fields, key: string): boolean {
  return !Object.hasOwn(value, key) || value[key] === null || value[key] === undefined;
}

/**
 * Text length as `@MinLength`/`@MaxLength` count it: code points, where a variation selector
 * (U+FE0E/U+FE0F) right after another character does not count.
 */
function textLength(text: string): number {
  let length = 0;
  let previous: string | undefined;
  for (const char of text) {
    const selector = char === '\uFE0E' || char === '\uFE0F';
    const attached =
      selector && previous !== undefined && previous !== '\uFE0E' && previous !== '\uFE0F';
    if (!attached) length += 1;
    previous = char;
  }
  return length;
}

function isText(value: Json, min: number, max: number): value is string {
  return (
    typeof value === 'string' &&
    storableText(value) &&
    textLength(value) >= min &&
    textLength(value) <= max
  );
}

/** No NUL and no unpaired surrogate: the parser refuses such text anywhere in the arguments. */
function storableText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return false;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) return false;
  }
  return true;
}

function optionalText(value: Fields, key: string, max: number): boolean {
  return isAbsent(value, key) || isText(value[key], 0, max);
}

function matches(value: Json, pattern: RegExp): value is string {
  return typeof value === 'string' && pattern.test(value);
}

const ORDER_NUMBER = /^[0-9]{4,10}$/;
const CUSTOMER_ID = /^cus_[a-z0-9_]{1,40}$/;
const PHONE = /^\+[1-9][0-9]{6,14}$/;

/** USD between 0.01 and 10 000 with at most two decimals, as a JSON number. */
function isAmount(value: Json): boolean {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= 0.01 &&
    value <= 10_000 &&
    /^[0-9]+(\.[0-9]{1,2})?$/.test(String(value))
  );
}

/** Necessary for an email address: local part, `@`, a dotted domain without spaces, ≤ 254. */
function mayBeEmail(value: Json): boolean {
  if (typeof value !== 'string' || textLength(value) > 254) return false;
  const at = value.lastIndexOf('@');
  if (at < 1) return false;
  const labels = value.slice(at + 1).split('.');
  return labels.length >= 2 && labels.at(-1)!.length >= 2 && !/\s/.test(value.slice(at + 1));
}

/** Sufficient for an email address: plain ASCII dot-atoms, sane label lengths. */
function isPlainEmail(value: Json): boolean {
  if (typeof value !== 'string' || value.length > 254) return false;
  const plain = /^[a-z0-9]+([._+-][a-z0-9]+)*@([a-z0-9]+(-[a-z0-9]+)*\.)+[a-z]{2,10}$/;
  if (!plain.test(value)) return false;
  const [local, domain] = value.split('@');
  return local.length <= 64 && domain.split('.').every((label) => label.length <= 63);
}

/** Necessary for ISO 8601: a four-digit year, then only characters ISO 8601 uses. */
function mayBeIso8601(value: Json): boolean {
  return typeof value === 'string' && /^[+-]?[0-9]{4}[0-9TWZz:.,+\-\s]*$/.test(value);
}

/** Sufficient for strict ISO 8601: a real UTC instant as `toISOString()` writes it. */
function isUtcTimestamp(value: Json): boolean {
  if (typeof value !== 'string') return false;
  if (!/^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$/.test(value))
    return false;
  const date = new Date(value);
  return !Number.isNaN(date.getTime()) && date.toISOString() === value;
}

function isContact(value: Json): boolean {
  return (
    isRecord(value) &&
    onlyKeys(value, ['phone', 'name']) &&
    matches(value.phone, PHONE) &&
    optionalText(value, 'name', 80)
  );
}

function isTopics(value: Json): boolean {
  return (
    Array.isArray(value) &&
    value.length >= 1 &&
    value.length <= 3 &&
    new Set(value).size === value.length &&
    value.every((topic) => (CALLBACK_TOPICS as readonly Json[]).includes(topic))
  );
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const anyJson = fc.jsonValue({ maxDepth: 3 });
/** A value of the wrong kind for almost any field. */
const wrongKind = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
);
/** Strings including non-ASCII code points and variation selectors. */
const unicodeText = (minLength: number, maxLength: number) =>
  fc.string({ unit: 'binary', minLength, maxLength });

const orderNumber = fc.stringMatching(ORDER_NUMBER);
const badOrderNumber = fc.oneof(
  fc.stringMatching(/^[0-9]{0,3}$/),
  fc.stringMatching(/^[0-9]{11,13}$/),
  fc.stringMatching(/^[0-9]{2,5}[a-z .-][0-9]{2,5}$/),
  fc.constantFrom('10042\n', ' 10042', '１２３４５', '1e4', '-1234'),
  fc.integer({ min: 1000, max: 9_999_999 }),
  fc.string(),
  wrongKind,
);

const amount = fc.integer({ min: 1, max: 1_000_000 }).map((cents) => cents / 100);
const badAmount = fc.oneof(
  fc.constantFrom(0, -0.01, 0.001, 0.009, 10_000.01, 10_001, 1.234, 99.999, 0.1 + 0.2),
  fc.constantFrom('10.00', '5', '1e2'),
  fc.integer({ min: -100, max: 20_000 }),
  fc.double({ min: -20_000, max: 20_000, noNaN: true }),
  wrongKind,
);

const reason = fc.oneof(
  fc.string({ minLength: 3, maxLength: 200 }).filter(storableText),
  unicodeText(3, 200).filter((text) => isText(text, 3, 200)),
);
const badReason = fc.oneof(
  fc.string({ maxLength: 2 }),
  fc.string({ minLength: 201, maxLength: 240 }),
  unicodeText(0, 4),
  fc.constant('ab\uFE0F'), // two characters and a selector: still too short
  wrongKind,
);

const customerId = fc.stringMatching(CUSTOMER_ID);
const badCustomerId = fc.oneof(
  fc.constantFrom('cus_', 'cus_Alice', 'CUS_alice', 'cust_alice', 'cus-alice', 'cus_alice ', ''),
  fc.stringMatching(/^cus_[a-z0-9_]{41,45}$/),
  fc.string(),
  wrongKind,
);

/** 64 + 1 + 189 = 254 characters: the longest address MaxLength(254) allows. */
const LONGEST_EMAIL = `${'a'.repeat(64)}@${`${'b'.repeat(61)}.`.repeat(3)}com`;
const email = fc.oneof(
  fc.stringMatching(
    /^[a-z0-9]{1,20}([._+-][a-z0-9]{1,10})?@[a-z0-9]{1,20}(-[a-z0-9]{1,10})?\.[a-z]{2,6}$/,
  ),
  fc.constant(LONGEST_EMAIL),
);
const badEmail = fc.oneof(
  fc.constantFrom(
    '',
    'plainaddress',
    'a@b',
    '@example.com',
    'a@example',
    'a@example.c',
    'a b@example.com',
    'a@exa mple.com',
    'a@@example.com',
    'a..b@example.com',
    '.a@example.com',
    'a@-example.com',
    'a@example.com.',
    'a@123.456',
    `${LONGEST_EMAIL}m`, // 255 characters
  ),
  fc.string(),
  wrongKind,
);

const when = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString());
const badWhen = fc.oneof(
  fc.constantFrom(
    'tomorrow',
    '',
    'now',
    '12/01/2026',
    '2026-02-30T10:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-12-01T25:00:00Z',
    '2026-12-01T15:00:00+25:00',
    '2026-12-01 T15:00Z',
  ),
  fc.string(),
  wrongKind,
);

const phone = fc.stringMatching(PHONE);
const badPhone = fc.oneof(
  fc.constantFrom('14155550123', '+04155550123', '+1415', '+1415555012345678', '+1 415 555 0123'),
  fc.stringMatching(/^\+?[0-9]{0,18}$/),
  wrongKind,
);
const contactName = fc.oneof(fc.string({ maxLength: 80 }), fc.constant(null));
const contact = fc.record({ phone, name: contactName }, { requiredKeys: ['phone'] });
const badContact = fc.oneof(
  fc.record({ phone: badPhone }),
  fc.constant({}),
  fc.record({ phone, name: fc.oneof(fc.string({ minLength: 81, maxLength: 100 }), fc.integer()) }),
  fc.record({ phone, extra: anyJson }),
  fc.array(contact, { maxLength: 2 }), // @ValidateNested alone would accept these
  fc.constantFrom(null, 'x', 42, true),
);

const topics = fc.uniqueArray(fc.constantFrom(...CALLBACK_TOPICS), { minLength: 1, maxLength: 3 });
const badTopics = fc.oneof(
  fc.constant([]),
  fc.array(fc.constantFrom(...CALLBACK_TOPICS, 'sales', 'Billing', ''), {
    minLength: 1,
    maxLength: 5,
  }),
  fc.constantFrom('billing', ['billing', 'billing'], [...CALLBACK_TOPICS]),
  fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
  wrongKind,
);

const note = fc.oneof(fc.string({ maxLength: 500 }), fc.constant(null));
const badNote = fc.oneof(
  fc.string({ minLength: 501, maxLength: 560 }),
  fc.integer(),
  fc.constant(['x']),
);

// ---------------------------------------------------------------------------------------------
// The DTOs under test

interface Field {
  readonly valid: fc.Arbitrary<Json>;
  readonly invalid: fc.Arbitrary<Json>;
}

interface DtoCase {
  readonly dto: Type<object>;
  readonly fields: Readonly<Record<string, Field>>;
  /** Canonical valid arguments. */
  readonly valid: fc.Arbitrary<Fields>;
  /** Necessary: `execute` may run only if this holds. */
  readonly mayRun: (value: Json) => boolean;
  /** Sufficient: `execute` must run if this holds. */
  readonly mustRun: (value: Json) => boolean;
}

const lookupOrderRule = (value: Json) =>
  isRecord(value) && onlyKeys(value, ['orderNumber']) && matches(value.orderNumber, ORDER_NUMBER);

const issueRefundRule = (value: Json) =>
  isRecord(value) &&
  onlyKeys(value, ['orderNumber', 'amount', 'reason']) &&
  matches(value.orderNumber, ORDER_NUMBER) &&
  isAmount(value.amount) &&
  isText(value.reason, 3, 200);

const updateEmailRule = (isEmail: (value: Json) => boolean) => (value: Json) =>
  isRecord(value) &&
  onlyKeys(value, ['customerId', 'email']) &&
  matches(value.customerId, CUSTOMER_ID) &&
  isEmail(value.email);

const scheduleCallbackRule = (isWhen: (value: Json) => boolean) => (value: Json) =>
  isRecord(value) &&
  onlyKeys(value, ['when', 'contact', 'topics', 'note']) &&
  isWhen(value.when) &&
  isContact(value.contact) &&
  isTopics(value.topics) &&
  optionalText(value, 'note', 500);

const cases: Record<string, DtoCase> = {
  [LookupOrderInput.name]: {
    dto: LookupOrderInput,
    fields: { orderNumber: { valid: orderNumber, invalid: badOrderNumber } },
    valid: fc.record({ orderNumber }),
    mayRun: lookupOrderRule,
    mustRun: lookupOrderRule,
  },
  [IssueRefundInput.name]: {
    dto: IssueRefundInput,
    fields: {
      orderNumber: { valid: orderNumber, invalid: badOrderNumber },
      amount: { valid: amount, invalid: badAmount },
      reason: { valid: reason, invalid: badReason },
    },
    valid: fc.record({ orderNumber, amount, reason }),
    mayRun: issueRefundRule,
    mustRun: issueRefundRule,
  },
  [UpdateCustomerEmailInput.name]: {
    dto: UpdateCustomerEmailInput,
    fields: {
      customerId: { valid: customerId, invalid: badCustomerId },
      email: { valid: email, invalid: badEmail },
    },
    valid: fc.record({ customerId, email }),
    mayRun: updateEmailRule(mayBeEmail),
    mustRun: updateEmailRule(isPlainEmail),
  },
  [ScheduleCallbackInput.name]: {
    dto: ScheduleCallbackInput,
    fields: {
      when: { valid: when, invalid: badWhen },
      contact: { valid: contact, invalid: badContact },
      topics: { valid: topics, invalid: badTopics },
      note: { valid: note, invalid: badNote },
    },
    valid: fc.record(
      { when, contact, topics, note },
      { requiredKeys: ['when', 'contact', 'topics'] },
    ),
    mayRun: scheduleCallbackRule(mayBeIso8601),
    mustRun: scheduleCallbackRule(isUtcTimestamp),
  },
};

/** Valid arguments with some fields broken, dropped, or joined by an unknown key. */
function nearValid(spec: DtoCase): fc.Arbitrary<Fields> {
  const keys = Object.keys(spec.fields);
  const record = fc.record(
    Object.fromEntries(
      Object.entries(spec.fields).map(([key, field]) => [
        key,
        fc.oneof(
          { arbitrary: field.valid, weight: 6 },
          { arbitrary: field.invalid, weight: 2 },
          { arbitrary: anyJson, weight: 1 },
        ),
      ]),
    ),
  );
  const drop = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 5 },
    { arbitrary: fc.constantFrom(...keys), weight: 1 },
  );
  const extraKey = fc.oneof(
    fc.constantFrom('extra', '__proto__', 'constructor', 'prototype', 'orderNumber', 'id'),
    fc.string({ maxLength: 8 }),
  );
  const extra = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 5 },
    { arbitrary: fc.tuple(extraKey, anyJson), weight: 1 },
  );
  return fc.tuple(record, drop, extra).map(([fields, dropped, added]) => {
    const out: Fields = { ...fields };
    if (dropped !== undefined) delete out[dropped];
    // defineProperty, so that `__proto__` becomes an own key and reaches the JSON text.
    if (added && !Object.hasOwn(out, added[0]))
      Object.defineProperty(out, added[0], {
        value: added[1],
        enumerable: true,
        configurable: true,
        writable: true,
      });
    return out;
  });
}

/** Objects whose keys are often the DTO's own, with arbitrary values. */
function objectsFor(spec: DtoCase): fc.Arbitrary<Json> {
  const keys = Object.keys(spec.fields);
  return fc.oneof(
    fc.object({ maxDepth: 2 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 6 })), anyJson, {
      maxKeys: keys.length + 1,
    }),
  );
}

interface Outcome {
  readonly ran: boolean;
}

/**
 * Sends `value` through the real parser the way the pipeline does, calling a spy `execute` only
 * when the parse succeeds, and checks the outcome against the hand-written predicates.
 */
async function callTool(spec: DtoCase, value: Json): Promise<Outcome> {
  const text = JSON.stringify(value);
  const seen = JSON.parse(text) as Json; // what the parser sees (no undefined, NaN → null, …)

  const execute = jest.fn((_input: object) => 'done');
  const parsed = await parseToolArguments(spec.dto, text);
  if (parsed.ok) execute(parsed.input);

  if (execute.mock.calls.length > 0) {
    expect({ ranFor: seen, rulesAllow: spec.mayRun(seen) }).toEqual({
      ranFor: seen,
      rulesAllow: true,
    });
    expect(execute.mock.calls[0][0]).toBeInstanceOf(spec.dto);
  } else {
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.length).toBeGreaterThan(0);
  }
  if (spec.mustRun(seen))
    expect({ refused: seen, ran: execute.mock.calls.length }).toEqual({ refused: seen, ran: 1 });
  return { ran: execute.mock.calls.length > 0 };
}

describe('demo tool arguments (property-based)', () => {
  describe.each(Object.entries(cases))('%s', (_name, spec) => {
    it('accepts every valid input and hands the tool an equal DTO instance', async () => {
      await fc.assert(
        fc.asyncProperty(spec.valid, async (value) => {
          expect(spec.mustRun(value)).toBe(true); // the generator and the rules agree
          const parsed = await parseToolArguments(spec.dto, JSON.stringify(value));
          expect(parsed).toMatchObject({ ok: true });
          if (!parsed.ok) return;
          expect(parsed.input).toBeInstanceOf(spec.dto);
          expect(parsed.input).toEqual(value);
          expect(parsed.plain).toEqual(value);
        }),
        { numRuns: RUNS.valid },
      );
    });

    it('runs the tool for arbitrary JSON only when the rules allow it', async () => {
      await fc.assert(
        fc.asyncProperty(anyJson, async (value) => {
          await callTool(spec, value);
        }),
        { numRuns: RUNS.json },
      );
    });

    it('runs the tool for arbitrary objects only when the rules allow it', async () => {
      await fc.assert(
        fc.asyncProperty(objectsFor(spec), async (value) => {
          await callTool(spec, value);
        }),
        { numRuns: RUNS.objects },
      );
    });

    it('runs the tool for near-valid arguments exactly when the rules allow it', async () => {
      let ran = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(nearValid(spec), async (value) => {
          const outcome = await callTool(spec, value);
          if (outcome.ran) ran += 1;
          else refused += 1;
        }),
        { numRuns: RUNS.nearValid },
      );
      // The generator must exercise both sides, or the property above says little.
      expect(ran).toBeGreaterThan(RUNS.nearValid / 20);
      expect(refused).toBeGreaterThan(RUNS.nearValid / 20);
    });
  });

  describe('hand-picked boundaries', () => {
    it.each([
      [LookupOrderInput.name, { orderNumber: '1234' }, true],
      [LookupOrderInput.name, { orderNumber: '1234567890' }, true],
      [LookupOrderInput.name, { orderNumber: '123' }, false],
      [LookupOrderInput.name, { orderNumber: '12345678901' }, false],
      [IssueRefundInput.name, { orderNumber: '10042', amount: 0.01, reason: 'abc' }, true],
      [
        IssueRefundInput.name,
        { orderNumber: '10042', amount: 10_000, reason: 'r'.repeat(200) },
        true,
      ],
      [IssueRefundInput.name, { orderNumber: '10042', amount: 10_000.01, reason: 'abc' }, false],
      [IssueRefundInput.name, { orderNumber: '10042', amount: 12.345, reason: 'abc' }, false],
      [IssueRefundInput.name, { orderNumber: '10042', amount: 12.5, reason: 'ab' }, false],
      [
        IssueRefundInput.name,
        { orderNumber: '10042', amount: 12.5, reason: 'r'.repeat(201) },
        false,
      ],
      [UpdateCustomerEmailInput.name, { customerId: 'cus_alice', email: LONGEST_EMAIL }, true],
      [
        UpdateCustomerEmailInput.name,
        { customerId: 'cus_alice', email: `${LONGEST_EMAIL}m` },
        false,
      ],
      [
        UpdateCustomerEmailInput.name,
        { customerId: `cus_${'a'.repeat(40)}`, email: 'a@b.co' },
        true,
      ],
      [
        UpdateCustomerEmailInput.name,
        { customerId: `cus_${'a'.repeat(41)}`, email: 'a@b.co' },
        false,
      ],
      [
        ScheduleCallbackInput.name,
        { when: '2026-12-01T15:00:00Z', contact: { phone: '+14155550123' }, topics: ['billing'] },
        true,
      ],
      [
        ScheduleCallbackInput.name,
        { when: '2026-02-30T15:00:00Z', contact: { phone: '+14155550123' }, topics: ['billing'] },
        false,
      ],
      [
        ScheduleCallbackInput.name,
        {
          when: '2026-12-01T15:00:00Z',
          contact: { phone: '+14155550123' },
          topics: [...CALLBACK_TOPICS],
        },
        false,
      ],
    ])('%s with %j parses ok: %p', async (_name, value, ok) => {
      const spec = cases[_name];
      // The predicates agree with the expectation (mayRun is only necessary, mustRun sufficient).
      if (ok) expect(spec.mayRun(value)).toBe(true);
      else expect(spec.mustRun(value)).toBe(false);
      const parsed = await parseToolArguments(spec.dto, JSON.stringify(value));
      expect(parsed.ok).toBe(ok);
    });

    it('builds the nested contact as a CallbackContact', async () => {
      const parsed = await parseToolArguments(
        ScheduleCallbackInput,
        JSON.stringify({
          when: '2026-12-01T15:00:00Z',
          contact: { phone: '+14155550123' },
          topics: ['other'],
        }),
      );
      expect(parsed.ok && parsed.input.contact).toBeInstanceOf(CallbackContact);
    });
  });

  it('never runs schedule_callback without a contact object', async () => {
    const noContact = fc.oneof(
      fc.constant({ drop: true as const }),
      fc.array(contact, { maxLength: 2 }).map((list) => ({ drop: false as const, list })),
    );
    await fc.assert(
      fc.asyncProperty(
        cases[ScheduleCallbackInput.name].valid,
        noContact,
        async (value, broken) => {
          const args: Fields = { ...value };
          if (broken.drop) delete args.contact;
          else args.contact = broken.list;
          const parsed = await parseToolArguments(ScheduleCallbackInput, JSON.stringify(args));
          expect(parsed).toMatchObject({ ok: false });
          if (!parsed.ok) expect(parsed.errors.map((e) => e.pointer)).toContain('/contact');
        },
      ),
      { numRuns: 100 },
    );
  });

  describe('values a validator cannot check', () => {
    // class-validator's isNumber({ maxDecimalPlaces: 2 }) does `String(value).split('.')[1].length`,
    // which throws for fractions JSON.stringify writes as `1e-7`; the parser answers with a refusal.
    it('IssueRefundInput refuses an amount like 1e-7', async () => {
      const parsed = await parseToolArguments(
        IssueRefundInput,
        '{"orderNumber":"10042","amount":1e-7,"reason":"abc"}',
      );
      expect(parsed.ok).toBe(false);
    });
  });
});
