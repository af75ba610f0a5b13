import type { RegisteredTool } from './registered-tool.js';
import { ToolMessages } from './tool.messages.js';
import { ToolRegistry } from './tool.registry.js';

class FixtureInput {}

function tool(name: string, providerName = `${name}_provider`): RegisteredTool {
  return {
    name,
    description: `The ${name} tool.`,
    input: FixtureInput,
    handler: { execute: () => undefined },
    providerName,
    parameters: { type: 'object', properties: {} },
    declaredRoles: [],
    approval: null,
    timeoutMs: 10_000,
    rateLimit: {},
    reversibility: 'irreversible',
    redact: [],
    costly: false,
    idempotent: false,
    rollbackApproval: false,
  };
}

describe(ToolRegistry.name, () => {
  let sut: ToolRegistry;

  beforeEach(() => {
    sut = new ToolRegistry();
  });

  it('starts empty', () => {
    expect(sut.all()).toEqual([]);
    expect(sut.names()).toEqual([]);
    expect(sut.get('lookup_order')).toBeUndefined();
    expect(sut.has('lookup_order')).toBe(false);
  });

  it('registers a tool and returns that same object by name', () => {
    const lookup = tool('lookup_order');
    sut.register(lookup);
    expect(sut.get('lookup_order')).toBe(lookup);
    expect(sut.has('lookup_order')).toBe(true);
    expect(sut.get('issue_refund')).toBeUndefined();
    expect(sut.has('issue_refund')).toBe(false);
  });

  it('refuses a second tool with the same name, naming both providers', () => {
    sut.register(tool('lookup_order', 'LookupOrderTool'));
    expect(() => sut.register(tool('lookup_order', 'OtherLookupTool'))).toThrow(
      new Error(ToolMessages.duplicateName('lookup_order', 'LookupOrderTool', 'OtherLookupTool')),
    );
    expect(sut.get('lookup_order')?.providerName).toBe('LookupOrderTool');
    expect(sut.all()).toHaveLength(1);
  });

  it('lists every tool and every name sorted by name, whatever the registration order', () => {
    for (const name of [
      'schedule_callback',
      'issue_refund',
      'update_customer_email',
      'lookup_order',
    ])
      sut.register(tool(name));
    const expected = ['issue_refund', 'lookup_order', 'schedule_callback', 'update_customer_email'];
    expect(sut.names()).toEqual(expected);
    expect(sut.all().map((t) => t.name)).toEqual(expected);
  });

  it('returns a fresh array from all(), so callers cannot change the registry', () => {
    sut.register(tool('lookup_order'));
    sut.all().pop();
    expect(sut.names()).toEqual(['lookup_order']);
  });

  describe('suggest', () => {
    beforeEach(() => {
      for (const name of ['issue_refund', 'lookup_order', 'schedule_callback'])
        sut.register(tool(name));
    });

    it.each([
      ['lookup_ordr', 'lookup_order'],
      ['lookup_orders', 'lookup_order'],
      ['issue_refnud', 'issue_refund'],
      ['schedule_call_back', 'schedule_callback'],
    ])('suggests the close name for %s', (typo, expected) => {
      expect(sut.suggest(typo)).toBe(expected);
    });

    it.each(['delete_everything', 'transfer_funds', 'x'])(
      'suggests nothing for the unrelated %s',
      (unrelated) => {
        expect(sut.suggest(unrelated)).toBeUndefined();
      },
    );

    it('suggests nothing when no tool is registered', () => {
      expect(new ToolRegistry().suggest('lookup_order')).toBeUndefined();
    });
  });
});
