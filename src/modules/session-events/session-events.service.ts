import { Injectable } from '@nestjs/common';
import { Observable } from 'rxjs';

import type { Principal } from '../../common/auth/principal.js';
import { AppConfig } from '../../config/app-config.js';
import { type AuditEntry, AuditLog } from '../audit/index.js';
import { SessionsService } from '../sessions/index.js';
import { type SessionEvent, sessionEventOf } from './session-event.js';

/** One event of the stream: its id is the audit entry's `seq`, so a page resumes after it. */
export interface SessionStreamEvent {
  readonly id: string;
  readonly type: SessionEvent['type'];
  readonly data: SessionEvent;
}

/** Entries read per poll (a stream that fell behind catches up over several). */
const BATCH = 200;

/**
 * What happened in a caller's own session, for its page: tool calls and their outcome, approvals
 * of its actions, knowledge given and withdrawn, warnings and why it ended. It is read from the
 * audit chain (the record every replica writes to), so it is the same on every replica, exact
 * after a reconnect (`Last-Event-ID` is an audit `seq`) and shows only what was decided. Each
 * open stream polls for entries about the session and its actions; it ends after `ended`.
 */
@Injectable()
export class SessionEvents {
  constructor(
    private readonly sessions: SessionsService,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  /** The owner's stream (anyone else: SESSION_NOT_FOUND, before anything is streamed). */
  async streamFor(
    principal: Principal,
    sessionId: string,
    after: number,
  ): Promise<Observable<SessionStreamEvent>> {
    await this.sessions.getOwned(principal, sessionId);
    const pollMs = this.config.sessions.eventsPollMs;
    return new Observable<SessionStreamEvent>((subscriber) => {
      let last = after;
      let timer: NodeJS.Timeout | undefined;
      let stopped = false;
      const actions = new Set<string>();
      const poll = async () => {
        try {
          const entries = await this.entries(sessionId, actions, last);
          for (const entry of entries) {
            last = entry.seq;
            if (
              entry.action === 'tool.approval_requested' &&
              typeof entry.data.actionId === 'string'
            )
              actions.add(entry.data.actionId);
            const event = sessionEventOf(entry);
            if (!event) continue;
            subscriber.next({ id: String(entry.seq), type: event.type, data: event });
            if (event.type === 'ended') return subscriber.complete();
          }
          if (!stopped)
            timer = setTimeout(() => void poll(), entries.length === BATCH ? 0 : pollMs);
        } catch (error) {
          subscriber.error(error);
        }
      };
      void poll();
      return () => {
        stopped = true;
        clearTimeout(timer);
      };
    });
  }

  /** Entries about the session and its known actions after `after`, oldest first. */
  private async entries(
    sessionId: string,
    actions: ReadonlySet<string>,
    after: number,
  ): Promise<AuditEntry[]> {
    // A resumed stream learns the session's actions again from the entries before its cursor.
    if (after > 0 && actions.size === 0) {
      const { items } = await this.audit.list({
        subject: sessionId,
        action: 'tool.approval_requested',
        limit: 1000,
      });
      for (const item of items)
        if (typeof item.data.actionId === 'string')
          (actions as Set<string>).add(item.data.actionId);
    }
    const { items } = await this.audit.list({
      subjects: [sessionId, ...actions],
      after,
      limit: BATCH,
    });
    return items;
  }
}
