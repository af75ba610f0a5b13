import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import { WebSocketServer, type ServerOptions, type WebSocket } from 'ws';

import type { SimulatorContext } from '../simulator-context.js';
import { SOCKET_MAX_FRAME_BYTES } from './message-limits.js';
import { OpenAIError } from '../protocol/openai-error.js';
import type { SimulatorLogger } from '../simulator-logger.js';

/**
 * The part both voice APIs' WebSocket endpoints share: `authorize` checks everything before the
 * upgrade (a refusal is a plain HTTP error in OpenAI's shape) and says what to do with the socket.
 */
export abstract class SocketGateway {
  protected readonly wss: WebSocketServer;

  constructor(
    protected readonly ctx: SimulatorContext,
    options: Pick<ServerOptions, 'handleProtocols'> = {},
  ) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: SOCKET_MAX_FRAME_BYTES,
      ...options,
    });
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    try {
      const attach = this.authorize(req);
      this.wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
    } catch (error) {
      refuseUpgrade(socket, error, this.ctx.logger);
    }
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }

  protected abstract authorize(req: IncomingMessage): (ws: WebSocket) => void;
}

/** Answers a refused upgrade with a plain HTTP error in OpenAI's shape. */
export function refuseUpgrade(socket: Duplex, error: unknown, logger: SimulatorLogger): void {
  const failure =
    error instanceof OpenAIError
      ? error
      : new OpenAIError(500, 'server_error', null, 'The server had an error.');
  const body = JSON.stringify({ error: failure.toBody() });
  // Node drops its own error listener on upgrade: a reset while refusing must not go uncaught.
  socket.on('error', (err) =>
    logger.warn({ err: err.message }, 'Simulator: a refused WebSocket upgrade failed'),
  );
  socket.end(
    `HTTP/1.1 ${failure.status} ${failure.status === 404 ? 'Not Found' : 'Error'}\r\n` +
      `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
