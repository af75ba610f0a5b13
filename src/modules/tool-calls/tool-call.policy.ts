import { Injectable } from '@nestjs/common';

import { AppConfig } from '../../config/app-config.js';
import type { SessionRecord } from '../sessions/index.js';
import { type FunctionToolConfig, offeredFunctionTools } from '../voice/index.js';
import { type RegisteredTool, ToolAccessPolicy, ToolRegistry } from '../tools/index.js';
import type { ToolCallRequest } from './tool-call.pipeline.js';
import { ToolCallsRepository, type RateWindowCheck } from './tool-calls.repository.js';
import {
  SessionBudgetSpentError,
  SessionNotActiveError,
  ToolDisabledNearBudgetError,
  ToolNotAllowedError,
  ToolRateLimitedError,
  UnknownToolError,
} from './tool-calls.errors.js';

/**
 * Whether a proposed call may go on, before its arguments are even read, in this order: the tool
 * exists → the session is active and within budget, costly tools not switched off → the caller's
 * roles and the session's offered tools allow it → its rate windows have room. Each refusal is
 * thrown as its domain error; the pipeline turns it into an audited result.
 */
@Injectable()
export class ToolCallPolicy {
  constructor(
    private readonly registry: ToolRegistry,
    private readonly access: ToolAccessPolicy,
    private readonly toolCalls: ToolCallsRepository,
    private readonly config: AppConfig,
  ) {}

  async admit(request: ToolCallRequest): Promise<RegisteredTool> {
    const tool = this.lookup(request.name);
    this.checkSession(request.session, tool);
    this.checkAllowed(request, tool);
    await this.checkRateLimit(request, tool);
    return tool;
  }

  private lookup(name: string): RegisteredTool {
    const tool = this.registry.get(name);
    if (!tool) throw new UnknownToolError(name, this.registry.suggest(name));
    return tool;
  }

  private checkSession(session: SessionRecord, tool: RegisteredTool): void {
    if (session.state !== 'active') throw new SessionNotActiveError(session.id, session.state);
    if (session.costUsd >= this.config.cost.sessionBudgetUsd)
      throw new SessionBudgetSpentError(session.id);
    if (tool.costly && session.costlyToolsDisabled)
      throw new ToolDisabledNearBudgetError(tool.name);
  }

  /**
   * The caller's roles, the roles the session was opened with, and the session's config (what its
   * agent profile offered those roles) must all allow it: the model was offered nothing else.
   */
  private checkAllowed({ principal, session }: ToolCallRequest, tool: RegisteredTool): void {
    // The stored config is JSON from the database: a nameless entry offers nothing.
    const stored: readonly Partial<FunctionToolConfig>[] = offeredFunctionTools(session.config);
    const offered = stored.flatMap((definition) => (definition.name ? [definition.name] : []));
    const reason = this.access.allows(session.roles, tool.name)
      ? this.access.refusal(principal.roles, tool.name, offered)
      : 'role';
    if (reason) throw new ToolNotAllowedError(tool.name, reason, session.agent);
  }

  private async checkRateLimit(request: ToolCallRequest, tool: RegisteredTool): Promise<void> {
    const { perSession, perUser } = tool.rateLimit;
    const windows = [
      { scope: 'session' as const, key: request.session.id, window: perSession },
      { scope: 'user' as const, key: request.principal.id, window: perUser },
    ];
    if (!perSession && !perUser) return;
    // A retry of an already-recorded call is answered from the record, so it never counts.
    if (await this.toolCalls.find(request.session.id, request.toolCallId)) return;
    // A cheap early refusal; the claim re-checks atomically, so bursts cannot slip past.
    for (const { scope, key, window } of windows) {
      if (!window) continue;
      const used = await this.toolCalls.countRecent(scope, key, tool.name, window.windowSeconds);
      if (used >= window.limit) throw rateLimitedError(tool.name, { scope, ...window });
    }
  }
}

/** The windows the claim re-checks atomically. */
export function rateWindows(tool: RegisteredTool): RateWindowCheck[] {
  const { perSession, perUser } = tool.rateLimit;
  return [
    ...(perSession ? [{ scope: 'session' as const, ...perSession }] : []),
    ...(perUser ? [{ scope: 'user' as const, ...perUser }] : []),
  ];
}

export function rateLimitedError(tool: string, window: RateWindowCheck): ToolRateLimitedError {
  return new ToolRateLimitedError(tool, window.scope, window.limit, window.windowSeconds);
}
