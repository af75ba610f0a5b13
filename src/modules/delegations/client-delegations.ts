import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { AuditLog } from '../audit/index.js';
import { LiveEventBus, LiveSidebands, type LiveServerEvent } from '../gpt-live/index.js';
import { LiveObservation, SessionTranscripts } from '../live-calls/index.js';
import { type SessionRecord, SessionsRepository, SessionsService } from '../sessions/index.js';
import { sessionPrincipal, ToolCallPipeline } from '../tool-calls/index.js';
import { isLiveConfig } from '../voice/index.js';
import type { DelegatedTask, SpokenLine } from './delegation-handler.js';
import { DelegationHandlers } from './delegation-handlers.js';

type DelegationCreated = Extract<LiveServerEvent, { type: 'session.delegation.created' }>;

/** How much of the conversation a handler is given. */
const TRANSCRIPT_LINES = 40;
/** An append carries at most 500 tokens; a longer text is cut, not refused. */
const MAX_APPEND_CHARS = 1800;
/** What the caller hears when a handler fails: nothing it did is claimed. */
const HANDLER_FAILED = 'Sorry, I could not finish that just now.';

/**
 * Client delegation: each `session.delegation.created` with target `client` (on the replica
 * holding the session's sideband) goes to the handler its profile names, once per delegation id
 * (a sideband replay repeats it; the session's once-keys decide, across replicas). The handler's tool calls go through the governed pipeline with
 * call ids derived from the delegation, so a retried task never runs a tool twice.
 */
@Injectable()
export class ClientDelegations implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ClientDelegations.name);
  private unsubscribe?: () => void;

  constructor(
    private readonly bus: LiveEventBus,
    private readonly sidebands: LiveSidebands,
    private readonly sessions: SessionsService,
    private readonly repository: SessionsRepository,
    private readonly handlers: DelegationHandlers,
    private readonly pipeline: ToolCallPipeline,
    private readonly transcripts: SessionTranscripts,
    private readonly observation: LiveObservation,
    private readonly audit: AuditLog,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.bus.on('live.event', ({ callId, event }) => {
      if (event.type !== 'session.delegation.created' || event.delegation.target !== 'client')
        return;
      this.run(callId, event).catch((error: unknown) =>
        this.logger.error({ callId, err: (error as Error).message }, 'Client delegation failed'),
      );
    });
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
  }

  private async run(callId: string, event: DelegationCreated): Promise<void> {
    // Taken now: by the time the session is read, the voice may have moved on.
    const heard = this.observation.transcriptSoFar(callId);
    const session = await this.sessions.findByCall(callId);
    if (!session || session.state !== 'active' || !isLiveConfig(session.config)) return;
    const name = session.config.handler?.name;
    const handler = name ? this.handlers.get(name) : undefined;
    if (!handler) return;
    // Once per delegation, whichever replica hears it (a replay after a takeover repeats it).
    if (!(await this.repository.claimOnce(session.id, `delegation:${event.delegation.id}`))) return;
    const task = await this.task(callId, session, event.delegation.id, heard);
    try {
      await handler.handle(task);
    } catch (error) {
      this.logger.error(
        { sessionId: session.id, handler: name, err: (error as Error).message },
        'A delegation handler failed',
      );
      await this.audit.append({
        actor: 'system',
        action: 'live.delegation_failed',
        subject: session.id,
        data: { delegationId: event.delegation.id, handler: name },
      });
      task.say(HANDLER_FAILED);
    }
  }

  private async task(
    callId: string,
    session: SessionRecord,
    delegationId: string,
    heard: readonly SpokenLine[],
  ): Promise<DelegatedTask> {
    // A replica that took the session over has heard nothing yet: the stored lines stand in.
    const transcript: readonly SpokenLine[] =
      heard.length > 0 ? heard : await this.transcripts.recent(session.id, TRANSCRIPT_LINES);
    let calls = 0;
    const append = (type: string, text: string) =>
      this.sidebands.send(callId, {
        type,
        content: text.slice(0, MAX_APPEND_CHARS),
        delegation_id: delegationId,
      });
    return {
      sessionId: session.id,
      delegationId,
      agent: session.agent,
      transcript,
      callTool: async (name, args) => {
        calls += 1;
        const result = await this.pipeline.run({
          session: (await this.sessions.find(session.id)) ?? session,
          principal: sessionPrincipal(session),
          toolCallId: `${delegationId}-${calls}`,
          name,
          arguments: JSON.stringify(args),
          source: 'delegation',
        });
        return { status: result.status, output: result.output };
      },
      think: (text) => append('session.thinking.append', text),
      say: (text) => append('session.commentary.append', text),
    };
  }
}
