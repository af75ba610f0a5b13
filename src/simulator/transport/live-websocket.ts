import type { IncomingMessage } from 'node:http';

import type { WebSocket } from 'ws';

import { ids } from '../ids.js';
import type { LiveSession } from '../live/live-session.js';
import { newLiveSession } from '../live/start-live-session.js';
import { OpenAIError } from '../protocol/openai-error.js';
import { listen, socketSink } from './realtime-websocket.js';
import { SocketGateway } from './socket-gateway.js';

/** `/v1/live/sessions/{id}/attach` (the sideband) and `/v1/live/sessions` (a primary WebSocket). */
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
    if ([...url.searchParams.keys()].some((key) => key !== 'graceful_close'))
      throw OpenAIError.invalidRequest(
        'Live WebSockets take no query parameters (the model goes in session.start).',
        'unknown_parameter',
      );
    const sessionId = LIVE_SOCKET_PATH.exec(url.pathname)?.[1];
    if (sessionId !== undefined) {
      const session = this.ctx.live.live(decodeURIComponent(sessionId));
      return (ws) => attachSideband(session, ws);
    }
    return (ws) => this.awaitStart(ws);
  }

  /** A primary WebSocket: the first event must be `session.start`; until then nothing exists. */
  private awaitStart(ws: WebSocket): void {
    const pending = socketSink(ws, 'websocket');
    const refuse = (error: OpenAIError, clientEventId?: unknown) =>
      pending.write(
        JSON.stringify({
          type: 'error',
          event_id: ids.event(),
          error: {
            ...error.toBody(),
            ...(typeof clientEventId === 'string' ? { client_event_id: clientEventId } : {}),
          },
        }),
      );
    ws.on('error', () => undefined);
    ws.once('message', (data) => {
      let event: Record<string, unknown>;
      try {
        event = JSON.parse(data.toString()) as Record<string, unknown>;
      } catch {
        refuse(OpenAIError.invalidRequest('The event is not valid JSON.', 'invalid_json'));
        return ws.close(1008, 'session.start expected');
      }
      if (event?.type !== 'session.start') {
        refuse(
          OpenAIError.invalidRequest(
            `The first event on a Live WebSocket must be session.start, not '${String(event?.type)}'.`,
            'session_not_started',
            'type',
          ),
          event?.event_id,
        );
        return ws.close(1008, 'session.start expected');
      }
      let session: LiveSession;
      try {
        session = newLiveSession(this.ctx, 'websocket', event.session);
      } catch (error) {
        if (!(error instanceof OpenAIError)) throw error;
        refuse(error, event.event_id);
        return ws.close(1008, 'invalid session');
      }
      const sink = socketSink(ws, 'websocket');
      session.attach(sink);
      session.emit({
        type: 'session.started',
        session: session.resource,
        ...(typeof event.event_id === 'string' ? { client_event_id: event.event_id } : {}),
      });
      listen(session, sink, ws);
      // The primary connection owns the session: losing it ends the session.
      ws.on('close', () => session.close('connection_lost'));
    });
  }
}

function attachSideband(session: LiveSession, ws: WebSocket): void {
  const sink = socketSink(ws, 'sideband');
  session.attachSideband(sink);
  listen(session, sink, ws);
  ws.on('close', () => session.detach(sink));
}
