import type { IncomingMessage } from 'node:http';

import type { WebSocket } from 'ws';

import { messageOf } from '../call/event-delivery.js';
import { ids } from '../ids.js';
import { liveErrorBody } from '../live/live-error.js';
import type { LiveSession } from '../live/live-session.js';
import { newLiveSession } from '../live/start-live-session.js';
import { OpenAIError } from '../protocol/openai-error.js';
import { SOCKET_MAX_EVENT_BYTES } from './message-limits.js';
import { bytesOf, listen, socketSink } from './realtime-websocket.js';
import { SocketGateway } from './socket-gateway.js';

/** `/v1/live/sessions/{id}/attach` (the sideband) and `/v1/live/sessions` (a primary WebSocket). */
/** How long a primary WebSocket may wait before its session.start. */
const START_TIMEOUT_MS = 15_000;

export const LIVE_SOCKET_PATH = /^\/v1\/live\/sessions(?:\/([^/]+)\/attach)?$/;

/**
 * Live WebSocket upgrades, always with a standard key in `Authorization: Bearer` (Live has no
 * ephemeral keys and no browser subprotocol). A sideband attaches to a running session and gets
 * a short replay first; a primary WebSocket must send `session.start` before anything else.
 */
export class LiveWebSocketGateway extends SocketGateway {
  protected authorize(req: IncomingMessage): (ws: WebSocket) => void {
    const url = new URL(req.url ?? '/', 'http://simulator.local');
    this.ctx.keys.requireLiveKey(req.headers.authorization);
    const encodedId = LIVE_SOCKET_PATH.exec(url.pathname)?.[1];
    // `graceful_close` is the sideband's one query parameter; a primary WebSocket takes none.
    const allowed = encodedId === undefined ? [] : ['graceful_close'];
    const unknown = [...url.searchParams.keys()].find((key) => !allowed.includes(key));
    if (unknown !== undefined)
      throw OpenAIError.invalidRequest(
        `Unknown query parameter: '${unknown}'. The model and session go in session.start.`,
        'unknown_parameter',
        unknown,
      );
    if (encodedId !== undefined) {
      const session = this.ctx.live.live(decodedId(encodedId));
      return (ws) => attachSideband(session, ws);
    }
    return (ws) => this.awaitStart(ws);
  }

  /**
   * A primary WebSocket: the first event must be `session.start` (within 15 s); until then no
   * session exists. Anything else is refused and the socket closed (1008).
   */
  private awaitStart(ws: WebSocket): void {
    const pending = socketSink(ws, 'websocket');
    const refuse = (error: OpenAIError, clientEventId?: unknown) => {
      const body = liveErrorBody(error, clientEventId);
      pending.write(JSON.stringify({ type: 'error', event_id: ids.event(), error: body }));
      ws.close(1008, 'session.start expected');
    };
    const timer = setTimeout(
      () =>
        refuse(
          OpenAIError.invalidRequest('No session.start within 15 seconds.', 'session_not_started'),
        ),
      START_TIMEOUT_MS,
    );
    timer.unref();
    ws.on('error', (error) =>
      this.ctx.logger.warn({ err: error.message }, 'Live simulator: a primary socket failed'),
    );
    ws.once('close', () => clearTimeout(timer));
    ws.once('message', (data) => {
      clearTimeout(timer);
      try {
        this.start(ws, bytesOf(data), refuse);
      } catch (error) {
        // A simulator bug must not take the process (the app, under `npm start`) down with it.
        this.ctx.logger.warn(
          { err: messageOf(error) },
          'Live simulator: session.start failed unexpectedly',
        );
        refuse(new OpenAIError(500, 'server_error', 'server_error', 'The server had an error.'));
      }
    });
  }

  private start(
    ws: WebSocket,
    data: Buffer,
    refuse: (error: OpenAIError, clientEventId?: unknown) => void,
  ): void {
    if (data.length > SOCKET_MAX_EVENT_BYTES)
      return refuse(OpenAIError.eventTooLarge(data.length, SOCKET_MAX_EVENT_BYTES, 'WebSocket'));
    let event: Record<string, unknown> | undefined;
    try {
      const parsed = JSON.parse(data.toString()) as unknown;
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
        event = parsed as Record<string, unknown>;
    } catch {
      // Answered below as not JSON.
    }
    if (!event)
      return refuse(OpenAIError.invalidRequest('The event is not valid JSON.', 'invalid_json'));
    if (event.type !== 'session.start')
      return refuse(
        OpenAIError.invalidRequest(
          `The first event on a Live WebSocket must be session.start, not '${String(event.type)}'.`,
          'session_not_started',
          'type',
        ),
        event.event_id,
      );
    let session: LiveSession;
    try {
      session = newLiveSession(this.ctx, 'websocket', event.session);
    } catch (error) {
      if (!(error instanceof OpenAIError)) throw error;
      return refuse(error, event.event_id);
    }
    const sink = socketSink(ws, 'websocket');
    session.attach(sink);
    session.emit({
      type: 'session.started',
      session: session.resource,
      ...(typeof event.event_id === 'string' ? { client_event_id: event.event_id } : {}),
    });
    listen(session, sink, ws);
    // The primary connection owns the session: a clean close hangs up, a dropped one is lost.
    ws.on('close', (code) =>
      session.close(code === 1000 || code === 1005 ? 'remote_hangup' : 'connection_lost'),
    );
  }
}

/** The session id in the path; a malformed escape names no session (404, not 500). */
function decodedId(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

function attachSideband(session: LiveSession, ws: WebSocket): void {
  const sink = socketSink(ws, 'sideband');
  session.attachSideband(sink);
  listen(session, sink, ws);
  ws.on('close', () => session.detach(sink));
}
