import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { SessionLifecycle, type SessionRecord, SessionsService } from '../sessions/index.js';
import { VoiceEvents } from '../voice/index.js';

interface IdleWatch {
  readonly sessionId: string;
  readonly idleMs: number;
  lastActivity: number;
  timer: NodeJS.Timeout;
}

/**
 * The idle limit of every session this replica watches: a call in which neither the caller nor
 * the voice has said anything for `idleSeconds` is ended (`idle`). Both APIs bill an open session
 * (GPT-Live by the second, silence included), so a forgotten tab or a held line stops costing.
 * Activity (`call.activity`) only stamps the time; the one timer per call re-arms for what is left.
 */
@Injectable()
export class IdleTimers implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(IdleTimers.name);
  private readonly watches = new Map<string, IdleWatch>();
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly sessions: SessionsService,
    private readonly events: VoiceEvents,
    private readonly lifecycle: SessionLifecycle,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.lifecycle.on('call.attached', ({ session }) => this.watch(session)),
      this.lifecycle.on('call.released', ({ callId }) => callId && this.cancel(callId)),
      this.events.on('call.activity', ({ callId }) => {
        const watch = this.watches.get(callId);
        if (watch) watch.lastActivity = Date.now();
      }),
    );
  }

  onApplicationShutdown(): void {
    for (const stop of this.unsubscribe) stop();
    for (const callId of [...this.watches.keys()]) this.cancel(callId);
  }

  /** Arms (or re-arms, after a takeover) the session's idle limit; 0 means none. */
  watch(session: SessionRecord): void {
    const { callId } = session;
    const idleSeconds = session.limits.idleSeconds ?? 0;
    if (!callId || idleSeconds <= 0) return;
    this.cancel(callId);
    const idleMs = idleSeconds * 1000;
    const watch: IdleWatch = {
      sessionId: session.id,
      idleMs,
      lastActivity: Date.now(),
      timer: this.arm(callId, idleMs),
    };
    this.watches.set(callId, watch);
  }

  cancel(callId: string): void {
    const watch = this.watches.get(callId);
    if (watch) clearTimeout(watch.timer);
    this.watches.delete(callId);
  }

  private arm(callId: string, ms: number): NodeJS.Timeout {
    return setTimeout(() => this.check(callId), ms).unref();
  }

  private check(callId: string): void {
    const watch = this.watches.get(callId);
    if (!watch) return;
    const left = watch.lastActivity + watch.idleMs - Date.now();
    if (left > 0) {
      watch.timer = this.arm(callId, left);
      return;
    }
    this.watches.delete(callId);
    this.sessions
      .end(watch.sessionId, 'ended', 'idle', 'system')
      .catch((error: unknown) =>
        this.logger.error(
          { sessionId: watch.sessionId, err: (error as Error).message },
          'Ending an idle session failed',
        ),
      );
  }
}
