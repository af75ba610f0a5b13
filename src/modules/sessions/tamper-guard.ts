import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { AppConfig } from '../../config/app-config.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { RealtimeEventBus, type RealtimeServerEvent } from '../realtime/realtime-event-bus.js';
import { SidebandConnections } from '../realtime/sideband-connections.js';
import { foreignChanges, revertUpdate } from './tamper-check.js';
import { SessionsService } from './sessions.service.js';

/**
 * The browser holds the data channel, so it can send `session.update` or answer tool calls itself.
 * This watches every sideband: a `session.updated` whose instructions, tools or tool choice differ
 * from what Switchboard set is reverted at once; a `function_call_output` Switchboard did not send
 * is deleted from the conversation. Both are audited and, by default, end the session.
 */
@Injectable()
export class TamperGuard implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(TamperGuard.name);
  /** Tool-call ids whose outputs Switchboard itself sent, per call. */
  private readonly ownOutputs = new Map<string, Set<string>>();
  private unsubscribe?: () => void;
  private unsubscribeReconnects?: () => void;

  constructor(
    private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly sidebands: SidebandConnections,
    private readonly bus: RealtimeEventBus,
    private readonly audit: AuditLog,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.bus.on('sideband.event', ({ callId, event }) => {
      void this.inspect(callId, event).catch((error: unknown) =>
        this.logger.error({ callId, err: (error as Error).message }, 'Tamper check failed'),
      );
    });
    // After a reconnect, changes made while nobody was watching are put back.
    this.unsubscribeReconnects = this.bus.on(
      'sideband.connected',
      async ({ callId, reconnect }) => {
        if (!reconnect) return;
        const session = await this.sessions.findByCall(callId);
        if (session?.state === 'active') this.sidebands.send(callId, revertUpdate(session.config));
      },
    );
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
    this.unsubscribeReconnects?.();
  }

  /** The tool pipeline calls this before it sends an output, so that output is not "foreign". */
  markOwnOutput(callId: string, toolCallId: string): void {
    const own = this.ownOutputs.get(callId) ?? new Set<string>();
    own.add(toolCallId);
    this.ownOutputs.set(callId, own);
  }

  private async inspect(callId: string, event: RealtimeServerEvent): Promise<void> {
    if (event.type === 'session.updated')
      return this.checkSession(callId, event.session as Record<string, unknown>);
    const item = event.item as { id?: string; type?: string; call_id?: string } | undefined;
    if (event.type === 'conversation.item.added' && item?.type === 'function_call_output') {
      // Each of Switchboard's outputs counts once: a replay of the same call_id is foreign.
      if (this.ownOutputs.get(callId)?.delete(item.call_id ?? '')) return;
      await this.foreignOutput(callId, item);
    }
  }

  private async checkSession(callId: string, effective: Record<string, unknown>): Promise<void> {
    const session = await this.sessions.findByCall(callId);
    if (!session || session.state !== 'active') return;
    const changed = foreignChanges(session.config, effective);
    if (changed.length === 0) return;
    this.sidebands.send(callId, revertUpdate(session.config));
    await this.react(session.id, 'session.tamper_detected', {
      kind: 'session.update',
      fields: changed,
      callId,
    });
  }

  private async foreignOutput(
    callId: string,
    item: { id?: string; call_id?: string },
  ): Promise<void> {
    const session = await this.sessions.findByCall(callId);
    if (!session || session.state !== 'active') return;
    if (item.id)
      this.sidebands.send(callId, { type: 'conversation.item.delete', item_id: item.id });
    await this.react(session.id, 'session.tamper_detected', {
      kind: 'function_call_output',
      toolCallId: item.call_id ?? null,
      callId,
    });
  }

  private async react(
    sessionId: string,
    action: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.append({ actor: 'system', action, subject: sessionId, data });
    this.logger.warn({ sessionId, ...data }, 'Tampering detected on a session');
    if (this.config.sessions.hangUpOnTamper)
      await this.sessions.end(sessionId, 'ended', 'tamper', 'system');
  }
}
