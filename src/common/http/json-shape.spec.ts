import { findJsonShapeProblem } from './json-shape.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const nested = (depth: number, open = '[', close = ']') =>
  `${open.repeat(depth)}${close.repeat(depth)}`;
const objects = (depth: number) => `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;
const keys = (count: number) =>
  JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i])));

describe(findJsonShapeProblem.name, () => {
  const limits = { maxDepth: 4, maxKeys: 3 };

  it('accepts a body exactly at both bounds', () => {
    expect(findJsonShapeProblem(bytes(nested(4)), limits)).toBeUndefined();
    expect(findJsonShapeProblem(bytes(objects(4)), limits)).toBeUndefined();
    expect(findJsonShapeProblem(bytes(keys(3)), limits)).toBeUndefined();
  });

  it('refuses one level or one key more, counting objects and arrays alike', () => {
    expect(findJsonShapeProblem(bytes(nested(5)), limits)).toBe('too-deep');
    expect(findJsonShapeProblem(bytes(objects(5)), { ...limits, maxKeys: 10 })).toBe('too-deep');
    expect(findJsonShapeProblem(bytes('{"a":[{"b":[[1]]}]}'), limits)).toBe('too-deep');
    expect(findJsonShapeProblem(bytes(keys(4)), limits)).toBe('too-many-keys');
  });

  it('measures depth, not total containers: siblings do not add up', () => {
    const siblings = JSON.stringify([[[]], [[]], [[]], [[]], [[]]]);
    expect(findJsonShapeProblem(bytes(siblings), limits)).toBeUndefined();
  });

  it('counts keys at every level together', () => {
    expect(findJsonShapeProblem(bytes('{"a":{"b":1},"c":{"d":1}}'), limits)).toBe('too-many-keys');
  });

  it('ignores brackets, braces and colons inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ a: '[[[[[[{{{{{:::::', b: 'say \\"[[[[[[\\" :: \\\\', c: '"{"' });
    expect(findJsonShapeProblem(bytes(text), limits)).toBeUndefined();
    const keyWithColons = JSON.stringify({ 'a:b:c:d:e': [[['x']]] });
    expect(findJsonShapeProblem(bytes(keyWithColons), limits)).toBeUndefined();
  });

  it('is not fooled by multi-byte characters', () => {
    const text = JSON.stringify({ a: 'ünïcode ✓ 𝄞 [[[[[', b: '中文{{{{{' });
    expect(findJsonShapeProblem(bytes(text), limits)).toBeUndefined();
  });

  it('scans a million levels without overflowing and stops at the first bound crossed', () => {
    expect(findJsonShapeProblem(bytes(nested(1_000_000)), { maxDepth: 32, maxKeys: 1000 })).toBe(
      'too-deep',
    );
  });
});
