import type { RegisteredTool } from './registered-tool.js';
import { ToolAccessPolicy } from './tool-access.policy.js';
import type { ToolAllowlist } from './tool-allowlist.js';
import { ToolMessages } from './tool.messages.js';
import { ToolRegistry } from './tool.registry.js';

class FixtureInput {}

function tool(name: string, declaredRoles: readonly string[] = []): RegisteredTool {
  return {
    name,
    description: `The ${name} tool.`,
    input: FixtureInput,
    handler: { execute: () => undefined },
    providerName: `${name}_provider`,
    parameters: {
      type: 'object',
      properties: { id: { type: 'string' } },
      required: ['id'],
      additionalProperties: false,
    },
    declaredRoles,
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

function policyWith(tools: RegisteredTool[], allowlist: ToolAllowlist): ToolAccessPolicy {
  const registry = new ToolRegistry();
  for (const t of tools) registry.register(t);
  return new ToolAccessPolicy(registry, allowlist);
}

describe(ToolAccessPolicy.name, () => {
  // lookup_order: allowlist only; issue_refund: allowlist (agent) + @Tool roles (supervisor);
  // schedule_callback: @Tool roles only; secret_tool: nobody.
  const tools = [
    tool('schedule_callback', ['customer']),
    tool('lookup_order'),
    tool('issue_refund', ['supervisor', 'agent']),
    tool('secret_tool'),
  ];
  const allowlist: ToolAllowlist = {
    customer: ['lookup_order'],
    agent: ['lookup_order', 'issue_refund'],
  };
  let sut: ToolAccessPolicy;

  beforeEach(() => {
    sut = policyWith(tools, allowlist);
  });

  describe('allows', () => {
    it.each([
      [['customer'], 'lookup_order'],
      [['customer'], 'schedule_callback'],
      [['agent'], 'issue_refund'],
      [['supervisor'], 'issue_refund'],
      [['nobody', 'agent'], 'lookup_order'],
    ])('lets %j call %s', (roles, name) => {
      expect(sut.allows(roles, name)).toBe(true);
    });

    it.each([
      [['customer'], 'issue_refund'],
      [['agent'], 'schedule_callback'],
      [['supervisor'], 'lookup_order'],
      [['customer', 'agent', 'supervisor'], 'secret_tool'],
      [[], 'lookup_order'],
      [['Customer'], 'lookup_order'],
    ])('denies %j the tool %s', (roles, name) => {
      expect(sut.allows(roles, name)).toBe(false);
    });

    it('denies an unknown tool, even to a role the allowlist names it for', () => {
      const lenient = policyWith([], { customer: ['ghost_tool'] });
      expect(lenient.allows(['customer'], 'ghost_tool')).toBe(false);
      expect(sut.allows(['customer', 'agent'], 'ghost_tool')).toBe(false);
    });

    it('denies everything with an empty allowlist and no declared roles', () => {
      const closed = policyWith([tool('lookup_order'), tool('issue_refund')], {});
      expect(closed.allows(['customer', 'agent', 'admin'], 'lookup_order')).toBe(false);
      expect(closed.toolsFor(['customer', 'agent', 'admin'])).toEqual([]);
    });
  });

  describe('refusal', () => {
    it('allows a tool the roles may call and the session offers', () => {
      expect(sut.refusal(['customer'], 'lookup_order', ['lookup_order'])).toBeUndefined();
    });

    it('names the roles when they do not allow the tool, offered or not', () => {
      expect(sut.refusal(['customer'], 'issue_refund', ['issue_refund'])).toBe('role');
      expect(sut.refusal(['customer'], 'issue_refund', [])).toBe('role');
      expect(sut.refusal(['customer'], 'ghost_tool', ['ghost_tool'])).toBe('role');
    });

    it('names the agent profile when the roles allow the tool but the session does not offer it', () => {
      expect(sut.refusal(['customer'], 'schedule_callback', ['lookup_order'])).toBe(
        'agent_profile',
      );
      expect(sut.refusal(['agent'], 'issue_refund', [])).toBe('agent_profile');
    });
  });

  describe('rolesOf', () => {
    it('unions the declared roles with the allowlist, deduplicated and sorted', () => {
      expect(sut.rolesOf(tools[2])).toEqual(['agent', 'supervisor']);
      expect(sut.rolesOf(tools[1])).toEqual(['agent', 'customer']);
      expect(sut.rolesOf(tools[0])).toEqual(['customer']);
      expect(sut.rolesOf(tools[3])).toEqual([]);
    });
  });

  describe('toolsFor', () => {
    it('returns the tools the roles may call, sorted by name', () => {
      expect(sut.toolsFor(['customer']).map((t) => t.name)).toEqual([
        'lookup_order',
        'schedule_callback',
      ]);
      expect(sut.toolsFor(['agent']).map((t) => t.name)).toEqual(['issue_refund', 'lookup_order']);
      expect(sut.toolsFor(['agent', 'customer']).map((t) => t.name)).toEqual([
        'issue_refund',
        'lookup_order',
        'schedule_callback',
      ]);
      expect(sut.toolsFor(['stranger'])).toEqual([]);
    });

    it('keeps only the tools the agent profile offers', () => {
      expect(sut.toolsFor(['agent', 'customer'], ['schedule_callback', 'issue_refund'])).toEqual([
        tools[2],
        tools[0],
      ]);
      expect(sut.toolsFor(['customer'], ['issue_refund', 'secret_tool'])).toEqual([]);
      expect(sut.toolsFor(['customer'], [])).toEqual([]);
      expect(sut.toolsFor(['customer'], ['ghost_tool', 'lookup_order'])).toEqual([tools[1]]);
    });
  });

  describe('definitionsFor', () => {
    it('returns function definitions with the generated parameters', () => {
      expect(sut.definitionsFor(['customer'], ['lookup_order', 'issue_refund'])).toStrictEqual([
        {
          type: 'function',
          name: 'lookup_order',
          description: 'The lookup_order tool.',
          parameters: tools[1].parameters,
        },
      ]);
    });

    it('returns nothing for roles without grants', () => {
      expect(sut.definitionsFor(['stranger'])).toEqual([]);
    });
  });

  describe('assertAllowlistValid', () => {
    it('accepts an allowlist that names only registered tools', () => {
      expect(() => sut.assertAllowlistValid()).not.toThrow();
    });

    it('fails on the first unknown tool, listing the registered ones', () => {
      const broken = policyWith([tool('lookup_order'), tool('issue_refund')], {
        customer: ['lookup_order', 'lookup_ordr'],
      });
      expect(() => broken.assertAllowlistValid()).toThrow(
        new Error(
          ToolMessages.unknownAllowlistTool('customer', 'lookup_ordr', [
            'issue_refund',
            'lookup_order',
          ]),
        ),
      );
    });

    it('says "(none)" when nothing is registered', () => {
      const empty = policyWith([], { agent: ['issue_refund'] });
      expect(() => empty.assertAllowlistValid()).toThrow(
        new Error(ToolMessages.unknownAllowlistTool('agent', 'issue_refund', [])),
      );
      expect(ToolMessages.unknownAllowlistTool('agent', 'issue_refund', [])).toContain('(none)');
    });
  });
});
