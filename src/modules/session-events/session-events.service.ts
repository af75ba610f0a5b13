import { Injectable, Logger } from '@nestjs/common';
import { Observable } from 'rxjs';

import type { Principal } from '../../common/auth/principal.js';
import { AppConfig } from '../../config/app-config.js';
import { type AuditEntry, AuditLog } from '../audit/index.js';
import { type SessionRecord, SessionsService } from '../sessions/index.js';
import { type SessionEvent, sessionEventOf } from './session-event.js';

/** One event of the stream: its id is the audit entry's `seq`, so a page resumes after it. */
export interface SessionStreamEvent {
  readonly id: string;
  readonly type: SessionEvent['type'];
  readonly data: SessionEvent;
}

/** Entries read per poll (a stream that fell behind catches up over several). */
const BATCH = 200;
/** How often a quiet stream checks whether its session ended without a word (never connected). */
const STATE_CHECK_MS = 5000;
const FINAL_STATES: readonly string[] = ['ended', 'revoked'];

/**
 * What happened in a caller's own session, for its page: tool calls and their outcome, approvals
 * of its actions, knowledge given and withdrawn, warnings and why it ended. It is read from the
 * audit chain (the record every replica writes to), so it is the same on every replica, exact
 * after a reconnect (`Last-Event-ID` is an audit `seq`, and seq order is commit order) and shows
 * only what was decided. Each open stream polls for entries about the session and its actions;
 * it ends once the session has and everything about it was sent.
 */
@Injectable()
export class SessionEvents {
  private readonly logger = new Logger(SessionEvents.name);

  constructor(
    private readonly sessions: SessionsService,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  /**
   * The owner's stream (anyone else: SESSION_NOT_FOUND, before anything is streamed), or
   * undefined when the session is over and the page has seen all of it (nothing to resume).
   */
  async streamFor(
    principal: Principal,
    sessionId: string,
    after: number,
  ): Promise<Observable<SessionStreamEvent> | undefined> {
    const session = await this.sessions.getOwned(principal, sessionId);
    const actions = await this.actionsBefore(sessionId, after);
    if (isFinal(session) && (await this.entries(sessionId, actions, after)).length === 0)
      return undefined;
    return new Observable<SessionStreamEvent>((subscriber) => {
      let stopped = false;
      let timer: NodeJS.Timeout | undefined;
      let last = after;
      let checkedAt = Date.now();
      const poll = async () => {
        try {
          const entries = await this.entries(sessionId, actions, last);
          for (const entry of entries) {
            last = entry.seq;
            const event = sessionEventOf(entry);
            if (event) subscriber.next({ id: String(entry.seq), type: event.type, data: event });
            if (event?.type === 'ended') return subscriber.complete();
          }
          if (entries.length === 0 && Date.now() - checkedAt >= STATE_CHECK_MS) {
            checkedAt = Date.now();
            // Over without an `ended` entry after the cursor (it was before it, or never came).
            if (isFinal(await this.sessions.getAny(sessionId))) return subscriber.complete();
          }
          if (stopped) return;
          const wait = entries.length === BATCH ? 0 : this.config.sessions.eventsPollMs;
          timer = setTimeout(() => void poll(), wait);
        } catch (error) {
          this.logger.warn({ sessionId, err: (error as Error).message }, 'Session events failed');
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

  /**
   * Entries about the session and its actions after `after`, oldest first. An action is known
   * from its `tool.approval_requested` entry; one first seen in this batch has entries of its own
   * in the same range, so the range is read again with it.
   */
  private async entries(
    sessionId: string,
    actions: Set<string>,
    after: number,
  ): Promise<AuditEntry[]> {
    for (;;) {
      const { items } = await this.audit.list({
        subjects: [sessionId, ...actions],
        after,
        limit: BATCH,
      });
      const learned = items.map(actionOf).filter((id): id is string => !!id && !actions.has(id));
      if (learned.length === 0) return items;
      for (const id of learned) actions.add(id);
    }
  }

  /** The session's actions whose approval was asked for up to `after` (a resumed stream). */
  private async actionsBefore(sessionId: string, after: number): Promise<Set<string>> {
    const actions = new Set<string>();
    for (let cursor: number | undefined = 0; cursor !== undefined && after > 0;) {
      const page = await this.audit.list({
        subject: sessionId,
        action: 'tool.approval_requested',
        after: cursor,
        limit: 1000,
      });
      for (const item of page.items)
        if (item.seq <= after && actionOf(item)) actions.add(actionOf(item)!);
      cursor =
        page.nextCursor && Number(page.nextCursor) <= after ? Number(page.nextCursor) : undefined;
    }
    return actions;
  }
}

function actionOf(entry: AuditEntry): string | undefined {
  return entry.action === 'tool.approval_requested' && typeof entry.data.actionId === 'string'
    ? entry.data.actionId
    : undefined;
}

/** Over, or never connected in time (then it is over, whether or not it was expired yet). */
function isFinal(session: SessionRecord): boolean {
  if (FINAL_STATES.includes(session.state)) return true;
  return session.state !== 'active' && session.connectBy.getTime() < Date.now();
}
