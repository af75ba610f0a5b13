import { KeptSessions } from '../kept-sessions.js';
import { OpenAIError } from '../protocol/openai-error.js';
import { LiveSession, type LiveSessionOptions } from './live-session.js';

/** Every Live session the simulator knows, live or recently ended. */
export class LiveRegistry {
  private readonly sessions = new KeptSessions<LiveSession>(
    (id) =>
      new OpenAIError(
        404,
        'invalid_request_error',
        'session_not_found',
        `No Live session found with id '${id}'.`,
        'session_id',
      ),
  );

  constructor(private readonly defaults: Omit<LiveSessionOptions, 'kind' | 'resolve' | 'state'>) {}

  create(
    kind: LiveSessionOptions['kind'],
    resolve: LiveSessionOptions['resolve'],
    state: LiveSessionOptions['state'] = 'active',
  ): LiveSession {
    return this.sessions.add(new LiveSession({ ...this.defaults, kind, resolve, state }));
  }

  find(id: string): LiveSession | undefined {
    return this.sessions.find(id);
  }

  /** A session that has not ended; 404 in OpenAI's shape otherwise. */
  live(id: string): LiveSession {
    return this.sessions.live(id);
  }

  all(): LiveSession[] {
    return this.sessions.all();
  }

  endAll(): void {
    for (const session of this.sessions.all()) session.end('connection_lost');
  }
}
