import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { CallRegistry } from './call/call-registry.js';
import type { RealtimeCall } from './call/realtime-call.js';
import { sendError } from './http/http-io.js';
import { inspectionRoutes } from './http/inspection-routes.js';
import { liveInspectionRoutes } from './http/live-inspection-routes.js';
import { liveRoutes } from './http/live-routes.js';
import { liveSipRoutes } from './http/live-sip-routes.js';
import { realtimeRoutes } from './http/realtime-routes.js';
import { matchRoute, type Route } from './http/router.js';
import { ids } from './ids.js';
import { KeyRing } from './keys.js';
import { LiveRegistry } from './live/live-registry.js';
import type { LiveSession } from './live/live-session.js';
import { OpenAIError } from './protocol/openai-error.js';
import { defaultScenario } from './scenario/default-scenario.js';
import { parseScenario, type Scenario } from './scenario/scenario.js';
import type { DeliveryPolicy, IncomingCallRequest } from './sip/incoming-call-webhook.js';
import { PhoneCalls } from './sip/phone-calls.js';
import { ringIncomingCall, type IncomingCall } from './sip/ring-incoming-call.js';
import type { SimulatorContext } from './simulator-context.js';
import { stderrLogger, type SimulatorLogger } from './simulator-logger.js';
import { LIVE_SOCKET_PATH, LiveWebSocketGateway } from './transport/live-websocket.js';
import { RealtimeWebSocketGateway } from './transport/realtime-websocket.js';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** The standard API key it accepts; generated when absent. */
  readonly apiKey?: string;
  /** The "model"; the built-in demo scenario when absent. Validated at start. */
  readonly scenario?: Scenario | unknown;
  /** Serve `/__sim/*` inspection and fault-injection routes (tests). Default false. */
  readonly inspection?: boolean;
  /** Sessions end at this age (default 60 minutes, as the real API). */
  readonly maxCallDurationMs?: number;
  /** Nominal assistant speaking rate; 50 ms per character = 1 audio token per character. */
  readonly speechMsPerChar?: number;
  /** Wall-clock factor for paced audio (1 = real time, 0.1 = ten times faster). */
  readonly timeScale?: number;
  /**
   * Milliseconds of simulated time (scaled by `timeScale`, as paced audio is) from a committed
   * turn to its input transcription's `.completed` (or `.failed`); the word deltas are spread
   * evenly before it. The real API transcribes asynchronously, so the transcription may land
   * before or after the response's events. Default 0: sent at once, right after the user item.
   */
  readonly transcriptionDelayMs?: number;
  /** Webhook retries for incoming SIP calls (default 4 attempts from 500 ms, doubling). */
  readonly webhookDelivery?: Partial<DeliveryPolicy>;
  /** Clock for ephemeral-key expiry and Live timelines, in milliseconds (tests move time forward). */
  readonly now?: () => number;
  /** How often a Live session reports `session.usage.updated`, in session time (default 5 s). */
  readonly liveUsageEveryMs?: number;
  /** Where connection faults are reported (an event too large to deliver, a failed send). */
  readonly logger?: SimulatorLogger;
}

export interface Simulator {
  /** Base URL, e.g. `http://127.0.0.1:41234` (the API lives under `/v1`). */
  readonly url: string;
  readonly apiKey: string;
  readonly calls: { find(id: string): RealtimeCall | undefined; all(): RealtimeCall[] };
  /** GPT-Live sessions (`/v1/live/sessions`), live or recently ended. */
  readonly liveSessions: { find(id: string): LiveSession | undefined; all(): LiveSession[] };
  /**
   * A phone call arrives: rings a Realtime call and a Live session (or the APIs `request.apis`
   * names) and POSTs a signed `realtime.call.incoming` and `live.transport.incoming` webhook.
   */
  simulateIncomingCall(request: IncomingCallRequest): IncomingCall;
  close(): Promise<void>;
}

/**
 * Starts a protocol-faithful OpenAI Realtime API on a local port: client secrets, WebRTC calls
 * (werift), the WebSocket and sideband endpoints, SIP call control and webhooks. No Nest, no
 * network beyond the loopback: tests, `npm run simulator` and `npm start` (without an OpenAI key)
 * all use this.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const keys = new KeyRing(options.apiKey ?? ids.apiKey(), options.now);
  const logger = options.logger ?? stderrLogger;
  const scenario = options.scenario ? parseScenario(options.scenario) : defaultScenario;
  const maxCallDurationMs = options.maxCallDurationMs ?? 60 * 60_000;
  const calls = new CallRegistry({
    scenario,
    maxCallDurationMs,
    speechMsPerChar: options.speechMsPerChar ?? 50,
    timeScale: options.timeScale ?? 1,
    transcriptionDelayMs: options.transcriptionDelayMs ?? 0,
    logger,
  });
  const now = options.now ?? Date.now;
  const live = new LiveRegistry({
    scenario,
    speechMsPerChar: options.speechMsPerChar ?? 50,
    timeScale: options.timeScale ?? 1,
    logger,
    now,
    usageEveryMs: options.liveUsageEveryMs ?? 5000,
  });
  const ctx: SimulatorContext = {
    keys,
    calls,
    live,
    phoneCalls: new PhoneCalls(),
    maxLiveDurationMs: maxCallDurationMs,
    now,
    inspection: options.inspection ?? false,
    logger,
    webhookDelivery: { attempts: 4, baseDelayMs: 500, ...options.webhookDelivery },
  };
  const apiRoutes = [...realtimeRoutes, ...liveRoutes, ...liveSipRoutes];
  const routes = ctx.inspection
    ? [...apiRoutes, ...inspectionRoutes, ...liveInspectionRoutes]
    : apiRoutes;
  const gateway = new RealtimeWebSocketGateway(ctx);
  const liveGateway = new LiveWebSocketGateway(ctx);
  const server = createServer((req, res) => void serve(ctx, routes, req, res));
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/v1/realtime') gateway.handleUpgrade(req, socket, head);
    else if (LIVE_SOCKET_PATH.test(path)) liveGateway.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    apiKey: keys.apiKey,
    calls,
    liveSessions: live,
    simulateIncomingCall: (request) => ringIncomingCall(ctx, request),
    close: async () => {
      calls.endAll('simulator_closed');
      live.endAll();
      gateway.close();
      liveGateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function serve(
  ctx: SimulatorContext,
  routes: readonly Route[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://simulator.local').pathname;
  // Every answer carries a request id, as OpenAI's do (the SDK reads it as `requestID`).
  res.setHeader('x-request-id', ids.request());
  // Browsers call the real API cross-origin (with an ek_ key) and read the call id from Location.
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-expose-headers', 'location, x-request-id');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': allowedHeaders(req.headers['access-control-request-headers']),
      'access-control-max-age': '600',
    });
    res.end();
    return;
  }
  try {
    const matched = matchRoute(routes, req.method ?? 'GET', path);
    if (!matched) {
      throw new OpenAIError(
        404,
        'invalid_request_error',
        null,
        `Invalid URL (${req.method} ${path})`,
      );
    }
    await matched.route.handle(ctx, req, res, matched.params);
  } catch (error) {
    const failure =
      error instanceof OpenAIError
        ? error
        : new OpenAIError(
            500,
            'server_error',
            null,
            'The server had an error while processing your request.',
          );
    if (!res.headersSent) sendError(res, failure);
    else res.destroy();
  }
}

/** The headers the API always allows, plus what the preflight asks for (SDKs add their own). */
const BASE_ALLOWED_HEADERS = ['authorization', 'content-type', 'openai-safety-identifier'];

/**
 * The real API answers a preflight for any request headers (the Agents SDK sends
 * `x-openai-agents-sdk`); echoed only when they are a plain list of header names.
 */
function allowedHeaders(requested: string | undefined): string {
  const names = (requested ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => /^[a-z0-9!#$%&'*+.^_`|~-]{1,64}$/.test(name));
  return [...new Set([...BASE_ALLOWED_HEADERS, ...names])].slice(0, 32).join(', ');
}
