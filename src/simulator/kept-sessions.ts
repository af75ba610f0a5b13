import type { CallState } from './call/call-types.js';
import type { OpenAIError } from './protocol/openai-error.js';

/** Ended sessions kept for inspection, newest last. */
const ENDED_KEPT = 500;

interface Tracked {
  readonly id: string;
  readonly state: CallState;
  onEnded(listener: () => void): void;
}

/**
 * The sessions of one API the simulator knows, live or recently ended (Realtime calls, Live
 * sessions): found by id, the oldest ended ones forgotten beyond 500.
 */
export class KeptSessions<T extends Tracked> {
  private readonly sessions = new Map<string, T>();

  /** `notFound`: the API's own 404 for an id that names no live session. */
  constructor(private readonly notFound: (id: string) => OpenAIError) {}

  add(session: T): T {
    this.sessions.set(session.id, session);
    session.onEnded(() => this.prune());
    return session;
  }

  /** Any session, ended or not (inspection). */
  find(id: string): T | undefined {
    return this.sessions.get(id);
  }

  /** A session that has not ended; the API's 404 otherwise. */
  live(id: string): T {
    const session = this.sessions.get(id);
    if (!session || session.state === 'ended') throw this.notFound(id);
    return session;
  }

  all(): T[] {
    return [...this.sessions.values()];
  }

  private prune(): void {
    const ended = this.all().filter((session) => session.state === 'ended');
    for (const session of ended.slice(0, Math.max(0, ended.length - ENDED_KEPT)))
      this.sessions.delete(session.id);
  }
}
