import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { AppConfig } from '../../../config/app-config.js';
import { type AuditAction, AuditLog } from '../../audit/index.js';
import { LiveEventBus, type LiveServerEvent } from '../../gpt-live/index.js';
import { SessionsRepository, SessionsService } from '../../sessions/index.js';
import { ToolRegistry } from '../../tools/index.js';
import { isLiveConfig } from '../../voice/index.js';
import { liveConfigChanges, type ResolvedLiveSession } from './live-config-check.js';

/**
 * Watches what a GPT-Live session reports about itself. Live has no tamper-revert: the browser
 * cannot change the session because its data channel may send only what the profile allows, and
 * instructions, voice and model are immutable. So the resolved config in `session.started` (and
 * any `session.updated`) is checked against the stored one, and any difference is tampering:
 * audited, and by default the session ends. A `session.closed` OpenAI sends (expired, content,
 * remote hang-up, lost connection) ends the Switchboard session with that reason; delegated tasks
 * and hosted tool uses are audited as they happen.
 */
@Injectable()
export class LiveSessionGuard implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(LiveSessionGuard.name);
  private unsubscribe?: () => void;

  constructor(
    private readonly bus: LiveEventBus,
    private readonly sessions: SessionsService,
    private readonly repository: SessionsRepository,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
    private readonly registry: ToolRegistry,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.bus.on('live.event', ({ callId, event }) => {
      this.observe(callId, event).catch((error: unknown) =>
        this.logger.error({ callId, err: (error as Error).message }, 'Live session check failed'),
      );
    });
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
  }

  private async observe(callId: string, event: LiveServerEvent): Promise<void> {
    switch (event.type) {
      case 'session.started':
      case 'session.updated':
        return this.checkConfig(callId, event.session as unknown as ResolvedLiveSession);
      case 'session.closed':
        return this.closedUpstream(callId, event.reason);
      case 'session.delegation.created':
        return this.record(callId, 'live.delegation_created', event.delegation.id, {
          delegationId: event.delegation.id,
          target: event.delegation.target,
          offsetMs: event.offset_ms,
        });
      case 'response.event':
        return this.hostedUse(
          callId,
          event.event as { type?: string; item?: HostedItem },
          event.event_id,
        );
      default:
        return;
    }
  }

  private async checkConfig(callId: string, resolved: ResolvedLiveSession): Promise<void> {
    const session = await this.sessions.findByCall(callId);
    if (!session || session.state !== 'active' || !isLiveConfig(session.config)) return;
    // Tools Switchboard withdrew itself may still show in a replayed, older snapshot.
    const withdrawn = session.costlyToolsDisabled
      ? new Set(
          this.registry
            .all()
            .filter((tool) => tool.costly)
            .map((tool) => tool.name),
        )
      : new Set<string>();
    const fields = liveConfigChanges(session.config, resolved, withdrawn);
    if (fields.length === 0) return;
    const data = { kind: 'live.config', fields, callId };
    await this.audit.append({
      actor: 'system',
      action: 'session.tamper_detected',
      subject: session.id,
      data,
    });
    this.logger.warn({ sessionId: session.id, ...data }, 'Tampering detected on a Live session');
    if (this.config.sessions.hangUpOnTamper)
      await this.sessions.end(session.id, 'ended', 'tamper', 'system');
  }

  /** OpenAI ended the session; one Switchboard asked for is already over here. */
  private async closedUpstream(callId: string, reason: string): Promise<void> {
    const session = await this.sessions.findByCall(callId);
    if (!session || session.state !== 'active') return;
    await this.sessions.end(session.id, 'ended', `live_closed:${reason}`, 'system');
  }

  /** A hosted tool ran at OpenAI, outside per-call governance: it is audited. */
  private async hostedUse(
    callId: string,
    nested: { type?: string; item?: HostedItem },
    eventId: string,
  ) {
    const item = nested.item;
    if (nested.type !== 'response.output_item.done' || !item?.type) return;
    if (item.type === 'function_call' || item.type === 'message' || !item.type.endsWith('_call'))
      return;
    await this.record(callId, 'live.hosted_tool_used', item.id ?? eventId, {
      tool: item.type.slice(0, -'_call'.length),
      itemId: item.id ?? null,
      status: item.status ?? null,
    });
  }

  /** Audited once per `key` (a reconnect's replay repeats events; the session's keys decide). */
  private async record(
    callId: string,
    action: AuditAction,
    key: string,
    data: Record<string, unknown>,
  ) {
    const session = await this.sessions.findByCall(callId);
    if (!session || !(await this.repository.claimOnce(session.id, `${action}:${key}`))) return;
    await this.audit.append({ actor: 'system', action, subject: session.id, data });
  }
}

interface HostedItem {
  readonly type?: string;
  readonly id?: string;
  readonly status?: string;
}
