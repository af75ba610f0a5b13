import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';

import { ControlSockets } from '../../common/sockets/control-sockets.js';
import { OpenAIEndpoint } from '../realtime/index.js';
import { CallNotFoundUpstreamError } from '../voice/index.js';
import { LiveEventBus, type LiveServerEvent } from './live-event-bus.js';

/** The trusted sideband URL of a Live session (standard key; never `session.start` on it). */
export function attachUrl(endpoint: OpenAIEndpoint, sessionId: string): string {
  return `${endpoint.baseUrl.replace(/^http/, 'ws')}/live/sessions/${encodeURIComponent(sessionId)}/attach`;
}

/**
 * The sideband of every GPT-Live session this replica controls
 * (`/v1/live/sessions/{id}/attach`): events to `LiveEventBus`, reconnected with backoff. A
 * reconnect replays a short history, so listeners tolerate events they have seen.
 */
@Injectable()
export class LiveSidebands extends ControlSockets implements OnApplicationShutdown {
  constructor(endpoint: OpenAIEndpoint, bus: LiveEventBus) {
    super(
      {
        label: 'Live sideband',
        url: (sessionId) => attachUrl(endpoint, sessionId),
        headers: () => ({ authorization: `Bearer ${endpoint.apiKey}` }),
        unknownCall: (sessionId) =>
          new CallNotFoundUpstreamError(`OpenAI does not know Live session ${sessionId}`),
        event: (callId, event) =>
          bus.emit('live.event', { callId, event: event as LiveServerEvent }),
        connected: (callId, reconnect) => bus.emit('live.connected', { callId, reconnect }),
        closed: (callId) => bus.emit('live.closed', { callId }),
        lost: (callId, reason) => bus.emit('live.lost', { callId, reason }),
      },
      new Logger(LiveSidebands.name),
    );
  }

  onApplicationShutdown(): void {
    this.closeAll();
  }
}
