import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';

import { ControlSockets } from '../../common/sockets/control-sockets.js';
import { CallNotFoundUpstreamError } from '../voice/index.js';
import { OpenAIEndpoint } from './openai-endpoint.js';
import {
  RealtimeEventBus,
  type RealtimeEvents,
  type RealtimeServerEvent,
} from './realtime-event-bus.js';

/**
 * The server-side "sideband" WebSocket of every Realtime call Switchboard controls
 * (`/v1/realtime?call_id=…`, standard key). Server events go to the event bus; a dropped socket is
 * reopened with exponential backoff until the call ends or OpenAI stops knowing it.
 */
@Injectable()
export class SidebandConnections extends ControlSockets implements OnApplicationShutdown {
  constructor(endpoint: OpenAIEndpoint, bus: RealtimeEventBus) {
    super(
      {
        label: 'Sideband',
        url: (callId) =>
          `${endpoint.baseUrl.replace(/^http/, 'ws')}/realtime?call_id=${encodeURIComponent(callId)}`,
        headers: () => ({ authorization: `Bearer ${endpoint.apiKey}` }),
        unknownCall: (callId) =>
          new CallNotFoundUpstreamError(`OpenAI does not know call ${callId}`),
        event: (callId, event) => {
          const typed = event as RealtimeServerEvent;
          bus.emit('sideband.event', { callId, event: typed });
          const byType = `server:${typed.type}` as const;
          bus.emit(byType, { callId, event: typed } as RealtimeEvents[typeof byType]);
        },
        connected: (callId, reconnect) => bus.emit('sideband.connected', { callId, reconnect }),
        closed: (callId) => bus.emit('sideband.closed', { callId }),
        lost: (callId, reason) => bus.emit('sideband.lost', { callId, reason }),
      },
      new Logger(SidebandConnections.name),
    );
  }

  onApplicationShutdown(): void {
    this.closeAll();
  }
}
