import { OpenAIError } from '../protocol/openai-error.js';
import { LiveSession, type LiveSessionOptions } from './live-session.js';

/** Ended sessions kept for inspection, newest last. */
const ENDED_SESSIONS_KEPT = 500;

/** Every Live session the simulator knows, live or recently ended. */
export class LiveRegistry {
  private readonly sessions = new Map<string, LiveSession>();

  constructor(private readonly defaults: Omit<LiveSessionOptions, 'kind' | 'resolve' | 'state'>) {}

  create(
    kind: LiveSessionOptions['kind'],
    resolve: LiveSessionOptions['resolve'],
    state: LiveSessionOptions['state'] = 'active',
  ): LiveSession {
    const session = new LiveSession({ ...this.defaults, kind, resolve, state });
    this.sessions.set(session.id, session);
    session.onEnded(() => this.prune());
    return session;
  }

  find(id: string): LiveSession | undefined {
    return this.sessions.get(id);
  }

  /** A session that has not ended; 404 in OpenAI's shape otherwise. */
  live(id: string): LiveSession {
    const session = this.sessions.get(id);
    if (!session || session.state === 'ended')
      throw new OpenAIError(
        404,
        'invalid_request_error',
        'session_not_found',
        `No Live session found with id '${id}'.`,
        'session_id',
      );
    return session;
  }

  all(): LiveSession[] {
    return [...this.sessions.values()];
  }

  endAll(): void {
    for (const session of this.sessions.values()) session.end('connection_lost');
  }

  private prune(): void {
    const ended = [...this.sessions.values()].filter((s) => s.state === 'ended');
    for (const s of ended.slice(0, Math.max(0, ended.length - ENDED_SESSIONS_KEPT)))
      this.sessions.delete(s.id);
  }
}
