import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { SessionLifecycle, type SessionRecord, SessionsService } from '../sessions/index.js';
import { VoiceConversation, VoiceEvents } from '../voice/index.js';

/**
 * The duration cap of every session this replica watches: a spoken warning `warningSeconds`
 * before the end, then the hang-up. A control channel that cannot be recovered (`call.lost`)
 * ends the session too.
 */
@Injectable()
export class SessionTimers implements OnModuleInit, OnApplicationShutdown {
  private readonly timers = new Map<string, NodeJS.Timeout[]>();
  private readonly logger = new Logger(SessionTimers.name);
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly sessions: SessionsService,
    private readonly events: VoiceEvents,
    private readonly conversation: VoiceConversation,
    private readonly lifecycle: SessionLifecycle,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.lifecycle.on('call.attached', ({ session }) => this.schedule(session)),
      this.lifecycle.on('call.released', ({ sessionId }) => this.cancel(sessionId)),
      this.events.on('call.lost', async ({ callId, reason }) => {
        const session = await this.sessions.findByCall(callId);
        if (!session) return;
        this.cancel(session.id);
        await this.sessions.end(session.id, 'ended', `sideband_lost:${reason}`, 'system');
      }),
    );
  }

  /** Arms (or re-arms) the session's warning and cap. */
  schedule(session: SessionRecord): void {
    const { callId } = session;
    if (!callId) return;
    this.cancel(session.id);
    const untilEnd = session.expiresAt.getTime() - Date.now();
    const { warningSeconds } = session.limits;
    const timers: NodeJS.Timeout[] = [];
    if (warningSeconds > 0 && untilEnd > warningSeconds * 1000) {
      timers.push(
        setTimeout(() => this.warn(callId, warningSeconds), untilEnd - warningSeconds * 1000),
      );
    }
    timers.push(setTimeout(() => this.endAtCap(session.id), untilEnd));
    timers.forEach((timer) => timer.unref());
    this.timers.set(session.id, timers);
  }

  cancel(sessionId: string): void {
    this.timers.get(sessionId)?.forEach(clearTimeout);
    this.timers.delete(sessionId);
  }

  onApplicationShutdown(): void {
    for (const stop of this.unsubscribe) stop();
    for (const id of [...this.timers.keys()]) this.cancel(id);
  }

  private endAtCap(sessionId: string): void {
    this.timers.delete(sessionId);
    this.sessions
      .end(sessionId, 'ended', 'max_duration', 'system')
      .catch((error: unknown) =>
        this.logger.error({ sessionId, err: (error as Error).message }, 'Ending at the cap failed'),
      );
  }

  /** Tells the caller, in the conversation and aloud, that the call is about to end. */
  private warn(callId: string, secondsLeft: number): void {
    const text = `This call will end in ${secondsLeft} seconds because it reached its time limit.`;
    this.conversation.tell(callId, {
      reason: 'limit_warning',
      text: `Session limit: ${text}`,
      say: text,
    });
  }
}
