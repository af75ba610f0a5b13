import type { IncomingMessage } from 'node:http';

import { WebSocket, type RawData } from 'ws';

import type { EventSink } from '../call/call-types.js';
import { messageOf } from '../call/event-delivery.js';
import type { RealtimeCall } from '../call/realtime-call.js';
import { OpenAIError } from '../protocol/openai-error.js';
import { createEffectiveSession, DEFAULT_MODEL } from '../protocol/session-config.js';
import type { SimulatorContext } from '../simulator-context.js';
import { SOCKET_MAX_EVENT_BYTES } from './message-limits.js';
import { SocketGateway } from './socket-gateway.js';

const INSECURE_KEY_PROTOCOL = 'openai-insecure-api-key.';
/** RFC 6455: a close frame's reason is at most 123 bytes. */
const MAX_CLOSE_REASON_BYTES = 123;

/**
 * `GET /v1/realtime` upgrades: `?model=` opens a plain WebSocket session; `?call_id=` attaches a
 * *sideband* to an existing call (standard key only). Browsers authenticate with the
 * `openai-insecure-api-key.<key>` subprotocol, servers with `Authorization: Bearer`.
 */
export class RealtimeWebSocketGateway extends SocketGateway {
  constructor(ctx: SimulatorContext) {
    super(ctx, {
      handleProtocols: (protocols) => (protocols.has('realtime') ? 'realtime' : false),
    });
  }

  protected authorize(req: IncomingMessage): (ws: WebSocket) => void {
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
    // An ek_ key carries the session it was minted with: it applies here as on WebRTC, and the
    // query's model cannot override it (the stricter reading; the key's server chose the session).
    const request =
      credential.kind === 'ephemeral'
        ? { model: DEFAULT_MODEL, ...credential.key.session }
        : { type: 'realtime', model: model || DEFAULT_MODEL };
    return (ws) => this.openSession(request, ws);
  }

  private attachSideband(call: RealtimeCall, ws: WebSocket): void {
    const sink = socketSink(ws, 'sideband');
    call.attach(sink);
    listen(call, sink, ws);
    ws.on('close', () => call.detach(sink));
  }

  private openSession(request: Record<string, unknown>, ws: WebSocket): void {
    const call = this.ctx.calls.create('websocket', createEffectiveSession(request));
    const sink = socketSink(ws, 'websocket');
    call.attach(sink);
    call.greet(sink);
    listen(call, sink, ws);
    ws.on('close', () => call.end('client_closed'));
  }
}

/**
 * A frame ws refuses (over `maxPayload`: 1009; text that is not UTF-8: 1007) is an `error` on the
 * socket, which would crash the process if nobody listened; ws closes the socket itself.
 */
export function listen(
  call: Pick<RealtimeCall, 'receiveFrom' | 'fault'>,
  sink: EventSink,
  ws: WebSocket,
): void {
  ws.on('message', (data) => call.receiveFrom(sink, bytesOf(data)));
  ws.on('error', (error) =>
    call.fault(sink.via, { kind: 'connection_error', error: messageOf(error) }),
  );
}

export function bytesOf(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

export function socketSink(ws: WebSocket, via: 'sideband' | 'websocket'): EventSink {
  return {
    via,
    maxIncomingBytes: SOCKET_MAX_EVENT_BYTES,
    maxOutgoingBytes: SOCKET_MAX_EVENT_BYTES,
    write: (text) => {
      // A socket closing on its own is no fault: its 'close' detaches it from the call.
      if (ws.readyState === WebSocket.OPEN) ws.send(text);
    },
    // 1006 cannot be sent in a close frame; it means "dropped", so drop the connection instead.
    close: (code = 1000, reason = '') =>
      code === 1006 ? ws.terminate() : ws.close(code, closeReason(reason)),
  };
}

/** `reason` cut to whole characters within the close frame's 123 bytes (ws throws beyond). */
function closeReason(reason: string): string {
  let cut = '';
  for (const char of reason) {
    if (Buffer.byteLength(cut + char) > MAX_CLOSE_REASON_BYTES) break;
    cut += char;
  }
  return cut;
}
