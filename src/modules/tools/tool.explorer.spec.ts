import { jest } from '@jest/globals';
import { Inject, Injectable, Logger, Scope, type Provider, type Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { IsInt, IsOptional, IsString, Min } from 'class-validator';

import type { Principal } from '../../common/auth/principal.js';
import { needsApproval, type RegisteredTool } from './registered-tool.js';
import { ToolAccessPolicy } from './tool-access.policy.js';
import type { ToolAllowlist } from './tool-allowlist.js';
import { Tool } from './tool.decorator.js';
import { ToolExplorer } from './tool.explorer.js';
import { ToolMessages } from './tool.messages.js';
import type { ApprovalPredicate, ToolOptions } from './tool-options.js';
import { ToolRegistry } from './tool.registry.js';
import { toolInputSchema } from './tool-schema.js';
import { ToolsModule } from './tools.module.js';

class ExplorerLookupInput {
  @IsString()
  orderNumber!: string;
}

class ExplorerRefundInput {
  @IsString()
  orderNumber!: string;

  @IsInt()
  @Min(1)
  amount!: number;

  @IsOptional()
  @IsString()
  reason?: string;
}

@Tool({
  name: 'fixture_lookup',
  description: 'Look up a fixture order.',
  input: ExplorerLookupInput,
})
@Injectable()
class FixtureLookupTool {
  execute(input: ExplorerLookupInput) {
    return { found: input.orderNumber };
  }
}

@Tool({
  name: 'fixture_refund',
  description: 'Refund a fixture order.',
  input: ExplorerRefundInput,
  roles: ['agent'],
  timeoutMs: 2_500,
  reversibility: 'compensable',
  redact: ['reason'],
  rateLimit: { perUser: { limit: 5, windowSeconds: 60 } },
  costly: true,
  idempotent: true,
  approval: {
    approverRoles: ['finance'],
    approvers: 2,
    expiresInSeconds: 60,
    onTimeout: 'escalate',
    escalateTo: ['admin'],
  },
})
@Injectable()
class FixtureRefundTool {
  execute() {
    return { refunded: true };
  }
  compensate() {
    return { reversed: true };
  }
}

@Tool({ name: 'fixture_lookup', description: 'Same name again.', input: ExplorerLookupInput })
@Injectable()
class FixtureLookupTwinTool {
  execute() {
    return 'twin';
  }
}

@Tool({ name: 'fixture_request', description: 'Request scoped.', input: ExplorerLookupInput })
@Injectable({ scope: Scope.REQUEST })
class FixtureRequestScopedTool {
  execute() {
    return 'request';
  }
}

/** Not a tool: an ordinary provider must be left alone. */
@Injectable()
class PlainService {
  execute() {
    return 'not a tool';
  }
}

/** A `@Tool()` provider class built at runtime, for option tables. */
function defineTool(
  className: string,
  options: Partial<ToolOptions>,
  methods: Record<string, () => unknown> = { execute: () => 'ok' },
): Type<object> {
  const cls = { [className]: class {} }[className];
  Object.assign(cls.prototype, methods);
  Tool({
    name: 'fixture_defined',
    description: 'Defined.',
    input: ExplorerLookupInput,
    ...options,
  })(cls);
  Injectable()(cls);
  return cls;
}

const principal: Principal = { kind: 'user', id: 'usr_1', tenantId: 'ten_1', roles: ['agent'] };

describe(ToolExplorer.name, () => {
  const open: TestingModule[] = [];

  async function compile(providers: Provider[], allowlist?: ToolAllowlist) {
    const moduleRef = await Test.createTestingModule({
      imports: [ToolsModule.forRoot(allowlist ? { allowlist } : {})],
      providers,
    }).compile();
    open.push(moduleRef);
    return moduleRef;
  }

  async function boot(providers: Provider[], allowlist?: ToolAllowlist) {
    const moduleRef = await compile(providers, allowlist);
    await moduleRef.init();
    return { moduleRef, registry: moduleRef.get(ToolRegistry) };
  }

  async function bootError(providers: Provider[], allowlist?: ToolAllowlist): Promise<Error> {
    const moduleRef = await compile(providers, allowlist);
    return moduleRef.init().then(
      () => {
        throw new Error('expected the boot to fail');
      },
      (error: Error) => error,
    );
  }

  afterEach(async () => {
    await Promise.all(open.splice(0).map((moduleRef) => moduleRef.close().catch(() => undefined)));
    jest.restoreAllMocks();
  });

  describe('registration', () => {
    it('registers a tool with every default filled in', async () => {
      const { moduleRef, registry } = await boot([FixtureLookupTool, PlainService]);

      expect(registry.names()).toEqual(['fixture_lookup']);
      const tool = registry.get('fixture_lookup') as RegisteredTool;
      expect(tool).toEqual({
        name: 'fixture_lookup',
        description: 'Look up a fixture order.',
        input: ExplorerLookupInput,
        handler: expect.any(FixtureLookupTool),
        providerName: 'FixtureLookupTool',
        parameters: toolInputSchema(ExplorerLookupInput),
        declaredRoles: [],
        approval: null,
        timeoutMs: 10_000,
        rateLimit: {},
        reversibility: 'irreversible',
        redact: [],
        costly: false,
        idempotent: false,
        rollbackApproval: false,
      });
      expect(tool.handler).toBe(moduleRef.get(FixtureLookupTool));
    });

    it('keeps every declared option', async () => {
      const { registry } = await boot([FixtureRefundTool]);
      expect(registry.get('fixture_refund')).toMatchObject({
        providerName: 'FixtureRefundTool',
        declaredRoles: ['agent'],
        timeoutMs: 2_500,
        reversibility: 'compensable',
        redact: ['reason'],
        rateLimit: { perUser: { limit: 5, windowSeconds: 60 } },
        costly: true,
        idempotent: true,
        approval: {
          when: true,
          approverRoles: ['finance'],
          approvers: 2,
          expiresInSeconds: 60,
          onTimeout: 'escalate',
          escalateTo: ['admin'],
        },
      });
    });

    it('generates the parameters from the input DTO', async () => {
      const { registry } = await boot([FixtureRefundTool]);
      expect(registry.get('fixture_refund')?.parameters).toMatchObject({
        type: 'object',
        additionalProperties: false,
        required: ['orderNumber', 'amount'],
        properties: { amount: { type: 'integer', minimum: 1 } },
      });
    });

    it('registers the tools of every module, and nothing else', async () => {
      const { registry } = await boot([FixtureRefundTool, PlainService, FixtureLookupTool]);
      expect(registry.names()).toEqual(['fixture_lookup', 'fixture_refund']);
    });

    it('registers nothing, and boots, without tools', async () => {
      const { registry } = await boot([PlainService]);
      expect(registry.all()).toEqual([]);
    });

    it('registers an aliased tool once', async () => {
      const { registry } = await boot([
        FixtureLookupTool,
        { provide: 'LOOKUP_ALIAS', useExisting: FixtureLookupTool },
      ]);
      expect(registry.names()).toEqual(['fixture_lookup']);
    });

    it('skips a request-scoped tool with a warning', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      const { registry } = await boot([FixtureRequestScopedTool, FixtureLookupTool]);
      expect(registry.names()).toEqual(['fixture_lookup']);
      expect(warn).toHaveBeenCalledWith(ToolMessages.requestScoped('FixtureRequestScopedTool'));
    });

    it('boots with an allowlist naming registered tools, and applies it', async () => {
      const { moduleRef } = await boot([FixtureLookupTool, FixtureRefundTool], {
        customer: ['fixture_lookup'],
      });
      const policy = moduleRef.get(ToolAccessPolicy);
      expect(policy.toolsFor(['customer']).map((t) => t.name)).toEqual(['fixture_lookup']);
      expect(policy.toolsFor(['agent']).map((t) => t.name)).toEqual(['fixture_refund']);
    });

    // A `useValue` provider has no metatype; its instance's class carries the metadata.
    it('registers a tool provided with useValue', async () => {
      const { registry } = await boot([
        { provide: 'LOOKUP_VALUE', useValue: new FixtureLookupTool() },
      ]);
      expect(registry.names()).toEqual(['fixture_lookup']);
    });
  });

  describe('boot errors', () => {
    it('refuses two tools with the same name, naming both providers', async () => {
      const error = await bootError([FixtureLookupTool, FixtureLookupTwinTool]);
      expect(error.message).toBe(
        ToolMessages.duplicateName('fixture_lookup', 'FixtureLookupTool', 'FixtureLookupTwinTool'),
      );
    });

    it('refuses an allowlist entry for a tool nobody registers', async () => {
      const error = await bootError([FixtureLookupTool, FixtureRefundTool], {
        customer: ['fixture_lookup'],
        agent: ['fixture_lookup', 'fixture_lookp'],
      });
      expect(error.message).toBe(
        ToolMessages.unknownAllowlistTool('agent', 'fixture_lookp', [
          'fixture_lookup',
          'fixture_refund',
        ]),
      );
    });

    it('refuses an allowlist entry for a skipped request-scoped tool', async () => {
      jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      const error = await bootError([FixtureRequestScopedTool], { customer: ['fixture_request'] });
      expect(error.message).toBe(
        ToolMessages.unknownAllowlistTool('customer', 'fixture_request', []),
      );
    });

    it.each([
      'LookupOrder',
      'lookup-order',
      'lookup order',
      '1lookup',
      '_lookup',
      '',
      'a'.repeat(65),
    ])('refuses the name %j', async (name) => {
      const error = await bootError([defineTool('BadNameTool', { name })]);
      expect(error.message).toBe(ToolMessages.invalidName(name, 'BadNameTool'));
    });

    it.each(['a', 'lookup_order', 'v2_tool', 'a'.repeat(64)])(
      'accepts the name %j',
      async (name) => {
        const { registry } = await boot([defineTool('GoodNameTool', { name })]);
        expect(registry.names()).toEqual([name]);
      },
    );

    it('refuses a tool without an input DTO', async () => {
      const error = await bootError([
        defineTool('NoInputTool', { input: undefined as unknown as Type<object> }),
      ]);
      expect(error.message).toBe(ToolMessages.missingInput('fixture_defined', 'NoInputTool'));
    });

    it('refuses a tool without execute()', async () => {
      const error = await bootError([defineTool('NoExecuteTool', {}, { run: () => 1 })]);
      expect(error.message).toBe(ToolMessages.missingExecute('fixture_defined', 'NoExecuteTool'));
    });

    it.each(['compensable', 'reversible'] as const)(
      'refuses a %s tool without compensate()',
      async (reversibility) => {
        const error = await bootError([defineTool('NoCompensateTool', { reversibility })]);
        expect(error.message).toBe(
          ToolMessages.missingCompensate('fixture_defined', 'NoCompensateTool', reversibility),
        );
      },
    );

    it.each(['compensable', 'reversible'] as const)(
      'accepts a %s tool with compensate()',
      async (reversibility) => {
        const tool = defineTool(
          'CompensatingTool',
          { reversibility },
          { execute: () => 1, compensate: () => 2 },
        );
        const { registry } = await boot([tool]);
        expect(registry.get('fixture_defined')?.reversibility).toBe(reversibility);
      },
    );

    it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
      'refuses timeoutMs %p',
      async (timeoutMs) => {
        const error = await bootError([defineTool('BadTimeoutTool', { timeoutMs })]);
        expect(error.message).toBe(ToolMessages.invalidTimeout('fixture_defined'));
      },
    );

    it('accepts a timeoutMs of 1', async () => {
      const { registry } = await boot([defineTool('FastTool', { timeoutMs: 1 })]);
      expect(registry.get('fixture_defined')?.timeoutMs).toBe(1);
    });
  });

  describe('approval', () => {
    const defaults = {
      approverRoles: ['approver'],
      approvers: 1,
      expiresInSeconds: 900,
      onTimeout: 'reject',
      escalateTo: [],
    };

    async function approvalOf(approval: ToolOptions['approval']) {
      const { registry } = await boot([defineTool('ApprovalTool', { approval })]);
      return registry.get('fixture_defined') as RegisteredTool;
    }

    it('is null when absent or false', async () => {
      expect((await approvalOf(undefined)).approval).toBeNull();
      expect((await approvalOf(false)).approval).toBeNull();
    });

    it('fills every default for `approval: true`', async () => {
      expect((await approvalOf(true)).approval).toEqual({ when: true, ...defaults });
    });

    it('keeps a predicate as `when` and fills the defaults', async () => {
      const predicate = () => true;
      expect((await approvalOf(predicate)).approval).toEqual({ when: predicate, ...defaults });
    });

    it('fills what an object policy leaves out', async () => {
      expect((await approvalOf({})).approval).toEqual({ when: true, ...defaults });
      expect((await approvalOf({ approvers: 2, escalateTo: ['admin'] })).approval).toEqual({
        ...defaults,
        when: true,
        approvers: 2,
        escalateTo: ['admin'],
      });
      expect((await approvalOf({ when: false })).approval).toEqual({ ...defaults, when: false });
    });

    describe(needsApproval.name, () => {
      const REFUND_LIMIT = 'REFUND_LIMIT';

      /** Like IssueRefundTool: the threshold comes from injected configuration. */
      @Tool({
        name: 'fixture_threshold_refund',
        description: 'Refund with a configured approval threshold.',
        input: ExplorerRefundInput,
        approval: {
          when: (input: ExplorerRefundInput, _principal, tool: FixtureThresholdTool) =>
            input.amount > tool.approvalAbove,
        },
      })
      @Injectable()
      class FixtureThresholdTool {
        readonly approvalAbove: number;
        constructor(@Inject(REFUND_LIMIT) limit: number) {
          this.approvalAbove = limit;
        }
        execute() {
          return 'refunded';
        }
      }

      it('asks the predicate with the input, the principal and the tool instance', async () => {
        const predicate = jest.fn<ApprovalPredicate<object>>(
          (input) => (input as { amount: number }).amount > 100,
        );
        const tool = defineTool('PredicateTool', { approval: { when: predicate } });
        const { moduleRef, registry } = await boot([tool]);
        const registered = registry.get('fixture_defined') as RegisteredTool;
        const input = { orderNumber: '10042', amount: 150 };

        expect(needsApproval(registered, input, principal)).toBe(true);
        expect(predicate).toHaveBeenCalledTimes(1);
        const [seenInput, seenPrincipal, seenTool] = predicate.mock.calls[0] as unknown[];
        expect(seenInput).toBe(input);
        expect(seenPrincipal).toBe(principal);
        expect(seenTool).toBe(moduleRef.get(tool));

        expect(needsApproval(registered, { orderNumber: '10042', amount: 50 }, principal)).toBe(
          false,
        );
      });

      it('lets the predicate read configuration injected into the tool', async () => {
        const { registry } = await boot([
          FixtureThresholdTool,
          { provide: REFUND_LIMIT, useValue: 100 },
        ]);
        const registered = registry.get('fixture_threshold_refund') as RegisteredTool;
        expect(needsApproval(registered, { orderNumber: '1', amount: 101 }, principal)).toBe(true);
        expect(needsApproval(registered, { orderNumber: '1', amount: 100 }, principal)).toBe(false);
      });

      it('is true for `approval: true`, false without approval', async () => {
        expect(needsApproval(await approvalOf(true), {}, principal)).toBe(true);
        expect(needsApproval(await approvalOf(undefined), {}, principal)).toBe(false);
        expect(needsApproval(await approvalOf({ when: false }), {}, principal)).toBe(false);
      });
    });
  });
});
