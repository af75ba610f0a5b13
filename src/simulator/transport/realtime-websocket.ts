import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import { WebSocket, WebSocketServer } from 'ws';

import type { EventSink, ServerEvent } from '../call/call-types.js';
import type { RealtimeCall } from '../call/realtime-call.js';
import { OpenAIError } from '../protocol/openai-error.js';
import { createEffectiveSession, DEFAULT_MODEL } from '../protocol/session-config.js';
import type { SimulatorContext } from '../simulator-context.js';

const INSECURE_KEY_PROTOCOL = 'openai-insecure-api-key.';

/**
 * `GET /v1/realtime` upgrades: `?model=` opens a plain WebSocket session; `?call_id=` attaches a
 * *sideband* to an existing call (standard key only). Browsers authenticate with the
 * `openai-insecure-api-key.<key>` subprotocol, servers with `Authorization: Bearer`.
 */
export class RealtimeWebSocketGateway {
  private readonly wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has('realtime') ? 'realtime' : false),
  });

  constructor(private readonly ctx: SimulatorContext) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    try {
      const attach = this.authorize(req);
      this.wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
    } catch (error) {
      const failure =
        error instanceof OpenAIError
          ? error
          : new OpenAIError(500, 'server_error', null, 'The server had an error.');
      const body = JSON.stringify({ error: failure.toBody() });
      socket.end(
        `HTTP/1.1 ${failure.status} ${failure.status === 404 ? 'Not Found' : 'Error'}\r\n` +
          `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    }
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }

  /** Checks everything before the upgrade, so refusals are plain HTTP errors. */
  private authorize(req: IncomingMessage): (ws: WebSocket) => void {
    const url = new URL(req.url ?? '/', 'http://simulator.local');
    const protocols = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim());
    const browserKey = protocols
      .find((p) => p.startsWith(INSECURE_KEY_PROTOCOL))
      ?.slice(INSECURE_KEY_PROTOCOL.length);
    const credential = this.ctx.keys.authenticate(req.headers.authorization, browserKey);
    const callId = url.searchParams.get('call_id');
    const model = url.searchParams.get('model');
    if ((callId === null) === (model === null)) {
      throw OpenAIError.invalidRequest(
        'Pass exactly one of the query parameters model or call_id.',
        'invalid_value',
      );
    }
    if (callId !== null) {
      this.ctx.keys.requireStandard(credential);
      const call = this.ctx.calls.live(callId);
      return (ws) => this.attachSideband(call, ws);
    }
    return (ws) => this.openSession(model || DEFAULT_MODEL, ws);
  }

  private attachSideband(call: RealtimeCall, ws: WebSocket): void {
    const sink = socketSink(ws, 'sideband');
    call.attach(sink);
    ws.on('message', (data) => call.receive(data.toString(), 'sideband'));
    ws.on('close', () => call.detach(sink));
  }

  private openSession(model: string, ws: WebSocket): void {
    const call = this.ctx.calls.create(
      'websocket',
      createEffectiveSession({ type: 'realtime', model }),
    );
    const sink = socketSink(ws, 'websocket');
    call.attach(sink);
    call.greet(sink);
    ws.on('message', (data) => call.receive(data.toString(), 'websocket'));
    ws.on('close', () => call.end('client_closed'));
  }
}

function socketSink(ws: WebSocket, via: 'sideband' | 'websocket'): EventSink {
  return {
    via,
    send: (event: ServerEvent) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(event));
    },
    // 1006 cannot be sent in a close frame; it means "dropped", so drop the connection instead.
    close: (code = 1000, reason = '') =>
      code === 1006 ? ws.terminate() : ws.close(code, reason.slice(0, 120)),
  };
}
