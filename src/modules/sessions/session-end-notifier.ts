import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';

import { DatabaseNotifications } from '../../database/database-notifications.js';
import { VoiceCalls } from '../voice/index.js';
import { SessionLifecycle } from './session-lifecycle.js';
import { SESSION_ENDED } from './sessions.service.js';

export interface SessionEndedNotice {
  readonly sessionId: string;
  readonly callId: string | null;
}

declare module '../../database/database-notifications.js' {
  interface NotificationChannels {
    /** A session ended; the replica owning its sideband lets go. */
    session_ended: SessionEndedNotice;
  }
}

/**
 * Tells every replica at once that a session ended, so the one owning its sideband lets go now
 * rather than at its next lease renewal. `SessionsService.end` notifies inside its transaction
 * (delivered on commit); this releases the sideband here, and tells the live-call modules to
 * drop their timers.
 */
@Injectable()
export class SessionEndNotifier implements OnModuleInit {
  private readonly logger = new Logger(SessionEndNotifier.name);

  constructor(
    private readonly notifications: DatabaseNotifications,
    private readonly voice: VoiceCalls,
    private readonly lifecycle: SessionLifecycle,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.notifications.listen(SESSION_ENDED, (notice) => this.release(notice));
  }

  /**
   * Drops this replica's sideband and (through `call.released`) timers for an ended session; a
   * no-op if it has none.
   */
  releaseLocally({ sessionId, callId }: SessionEndedNotice): boolean {
    this.lifecycle.emit('call.released', { sessionId, callId });
    if (!callId || !this.voice.isAttached(callId)) return false;
    this.voice.detach(callId);
    return true;
  }

  private release(notice: SessionEndedNotice): void {
    if (this.releaseLocally(notice))
      this.logger.log(notice, 'Session ended; released its sideband on this replica');
  }
}
