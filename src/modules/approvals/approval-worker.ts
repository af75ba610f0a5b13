import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { DomainError } from '../../common/errors/domain.error.js';
import { newId } from '../../common/ids.js';
import { PollLoop } from '../../common/workers/poll-loop.js';
import { AppConfig } from '../../config/app-config.js';
import { AuditLog } from '../audit/index.js';
import { SessionsService } from '../sessions/index.js';
import { ToolFailedError, ToolRegistry, ToolRunner } from '../tools/index.js';
import { ActionDelivery } from './action-delivery.js';
import { ApprovalEvents } from './approval-events.js';
import { ApprovalSweeper } from './approval-sweeper.js';
import { requesterPrincipal, type PendingActionRow } from './pending-action.record.js';
import { PendingActionsRepository } from './pending-actions.repository.js';

/**
 * Executes approved actions exactly once. A replica claims one with `FOR UPDATE SKIP LOCKED`
 * and marks it `executing` under a lease (the tool's timeout plus a grace period), runs the tool
 * with the action id as its idempotency key, and records the outcome only while it still holds
 * the claim. A replica that died mid-execution leaves a lapsed lease: the sweeper puts the action
 * back for idempotent tools and fails it for the rest, so it is never run twice and never lost.
 */
@Injectable()
export class ApprovalWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ApprovalWorker.name);
  readonly workerId = newId('wrk');
  private readonly loop = new PollLoop(
    () => this.pass(),
    (error) => this.logger.error({ err: (error as Error).message }, 'Approval worker pass failed'),
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actions: PendingActionsRepository,
    private readonly config: AppConfig,
    private readonly registry: ToolRegistry,
    private readonly sessions: SessionsService,
    private readonly audit: AuditLog,
    private readonly events: ApprovalEvents,
    private readonly delivery: ActionDelivery,
    private readonly sweeper: ApprovalSweeper,
    private readonly runner: ToolRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start(this.config.approvals.pollMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Runs a pass now (or right after the current one). */
  kick(): void {
    this.loop.kick();
  }

  private async pass(): Promise<void> {
    await this.sweeper.sweep();
    while (!this.loop.isStopped && (await this.claimAndRun()));
  }

  private async claimAndRun(): Promise<boolean> {
    const claimed = await this.claim();
    if (!claimed) return false;
    await this.run(claimed);
    return true;
  }

  private async claim(): Promise<PendingActionRow | undefined> {
    const grace = this.config.approvals.leaseGraceSeconds;
    return this.dataSource.transaction(async (tx) => {
      const row = await this.actions.lockNextApproved(tx);
      if (!row) return undefined;
      const timeoutSeconds = (this.registry.get(row.tool)?.timeoutMs ?? 10_000) / 1000;
      return this.actions.claim(row.id, this.workerId, timeoutSeconds + grace, tx);
    });
  }

  private async run(action: PendingActionRow): Promise<void> {
    const started = performance.now();
    let outcome: Outcome;
    try {
      outcome = { status: 'executed', result: (await this.execute(action)) ?? null };
    } catch (thrown) {
      if (!(thrown instanceof DomainError))
        this.logger.error(
          { actionId: action.id, err: (thrown as Error)?.message },
          'An approved action failed',
        );
      outcome = { status: 'failed', error: asDomainError(thrown, action.tool) };
    }
    if (!(await this.record(action, outcome, Math.round(performance.now() - started)))) {
      this.logger.warn({ actionId: action.id }, 'Lost the claim on an action while executing it');
      return;
    }
    await this.events.publish({
      type: 'action.settled',
      actionId: action.id,
      tool: action.tool,
      status: outcome.status,
      tenantId: action.tenant_id,
    });
    await this.delivery.deliver(action.id);
  }

  /** The outcome and its audit entry, together, only while this worker still holds the claim. */
  private record(action: PendingActionRow, outcome: Outcome, durationMs: number): Promise<boolean> {
    const failed = outcome.status === 'failed';
    return this.dataSource.transaction(async (tx) => {
      if (!(await this.actions.recordOutcome(action.id, this.workerId, outcome, tx))) return false;
      await this.audit.append(
        {
          actor: 'system',
          action: failed ? 'action.failed' : 'action.executed',
          subject: action.id,
          data: {
            tool: action.tool,
            attempt: action.attempts,
            durationMs,
            ...(failed ? { code: outcome.error.code } : {}),
          },
        },
        tx,
      );
      return true;
    });
  }

  private async execute(action: PendingActionRow): Promise<unknown> {
    const tool = this.registry.get(action.tool);
    if (!tool) throw new Error(`tool ${action.tool} is no longer registered`);
    // The DTO may have changed since the call was queued: the stored arguments are checked again.
    const input = await this.runner.storedInput(tool, action.arguments);
    const session = await this.sessions.find(action.session_id);
    return this.runner.run(tool, input, {
      principal: requesterPrincipal(action),
      sessionId: action.session_id,
      callId: session?.callId ?? null,
      toolCallId: action.tool_call_id,
      idempotencyKey: action.id,
    });
  }
}

type Outcome = { status: 'executed'; result: unknown } | { status: 'failed'; error: DomainError };

/** The runner's typed errors pass through; anything else (a tool gone from the registry) is generic. */
function asDomainError(thrown: unknown, tool: string): DomainError {
  return thrown instanceof DomainError ? thrown : new ToolFailedError(tool);
}
