import { IsString, MaxLength } from 'class-validator';

import { DomainError } from '../../common/errors/domain.error.js';
import type { RegisteredTool } from './registered-tool.js';
import type { ToolContext, ToolHandler } from './tool-options.js';
import { ToolRunner, type ToolRunContext } from './tool-runner.js';

class NoteInput {
  @IsString()
  @MaxLength(10)
  note!: string;
}

const CONTEXT: ToolRunContext = {
  principal: { kind: 'user', id: 'ann', tenantId: 'acme', roles: ['customer'] },
  sessionId: 'ses_1',
  callId: 'rtc_1',
  toolCallId: 'call_1',
  idempotencyKey: 'tc_1',
};

function toolWith(handler: ToolHandler, timeoutMs = 50): RegisteredTool {
  return {
    name: 'fx_note',
    description: 'A fixture.',
    input: NoteInput,
    handler,
    providerName: 'FixtureTool',
    parameters: {},
    declaredRoles: [],
    approval: null,
    timeoutMs,
    rateLimit: {},
    reversibility: 'compensable',
    redact: [],
    costly: false,
    idempotent: false,
    rollbackApproval: false,
  };
}

describe(ToolRunner.name, () => {
  const sut = new ToolRunner();

  it('runs execute with the tenant, a live signal and the idempotency key, and returns its result', async () => {
    let seen: ToolContext | undefined;
    const tool = toolWith({
      execute: (input, ctx) => {
        seen = ctx;
        return { echoed: (input as NoteInput).note };
      },
    });
    await expect(sut.run(tool, { note: 'hi' }, CONTEXT)).resolves.toEqual({ echoed: 'hi' });
    expect(seen).toMatchObject({ tenantId: 'acme', idempotencyKey: 'tc_1', callId: 'rtc_1' });
    expect(seen!.signal.aborted).toBe(false);
  });

  it('aborts the signal at the timeout and throws TOOL_TIMEOUT without waiting for the tool', async () => {
    let signal: AbortSignal | undefined;
    const tool = toolWith(
      {
        execute: (_input, ctx) => {
          signal = ctx.signal;
          return new Promise(() => undefined); // never settles
        },
      },
      20,
    );
    await expect(sut.run(tool, { note: 'x' }, CONTEXT)).rejects.toMatchObject({
      code: 'TOOL_TIMEOUT',
      status: 504,
    });
    expect(signal!.aborted).toBe(true);
  });

  it("passes the tool's own DomainError through unchanged", async () => {
    const own = new DomainError({
      code: 'ORDER_NOT_FOUND',
      status: 404,
      title: 'No',
      detail: 'No.',
    });
    const tool = toolWith({
      execute: () => {
        throw own;
      },
    });
    await expect(sut.run(tool, { note: 'x' }, CONTEXT)).rejects.toBe(own);
  });

  it('turns any other failure into TOOL_FAILED, disclosing nothing of it', async () => {
    const tool = toolWith({
      execute: () => {
        throw new Error('database password is hunter2');
      },
    });
    const failure = await sut.run(tool, { note: 'x' }, CONTEXT).catch((e: DomainError) => e);
    expect(failure).toMatchObject({ code: 'TOOL_FAILED', status: 502 });
    expect((failure as DomainError).message).not.toContain('hunter2');
  });

  it('runs compensate with the recorded result; its failures are ROLLBACK_FAILED or TOOL_TIMEOUT', async () => {
    const compensated: unknown[] = [];
    const tool = toolWith({
      execute: () => undefined,
      compensate: (_input, result) => {
        compensated.push(result);
        return { undone: true };
      },
    });
    const phase = { kind: 'compensate', result: { refundId: 'r1' } } as const;
    await expect(sut.run(tool, { note: 'x' }, CONTEXT, phase)).resolves.toEqual({ undone: true });
    expect(compensated).toEqual([{ refundId: 'r1' }]);

    const failing = toolWith({
      execute: () => undefined,
      compensate: () => Promise.reject(new Error('boom')),
    });
    await expect(sut.run(failing, { note: 'x' }, CONTEXT, phase)).rejects.toMatchObject({
      code: 'ROLLBACK_FAILED',
    });
    const hanging = toolWith(
      { execute: () => undefined, compensate: () => new Promise(() => undefined) },
      20,
    );
    await expect(sut.run(hanging, { note: 'x' }, CONTEXT, phase)).rejects.toMatchObject({
      code: 'TOOL_TIMEOUT',
    });
  });

  it('checks stored arguments against the DTO as it is now', async () => {
    const tool = toolWith({ execute: () => undefined });
    await expect(sut.storedInput(tool, { note: 'short' })).resolves.toMatchObject({
      note: 'short',
    });
    await expect(sut.storedInput(tool, { note: 'far too long now' })).rejects.toMatchObject({
      code: 'STORED_ARGUMENTS_INVALID',
    });
    await expect(sut.storedInput(tool, { note: 'ok', extra: 1 })).rejects.toMatchObject({
      code: 'STORED_ARGUMENTS_INVALID',
    });
  });
});
