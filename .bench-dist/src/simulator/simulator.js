import { createServer } from 'node:http';
import { CallRegistry } from './call/call-registry.js';
import { sendError } from './http/http-io.js';
import { inspectionRoutes } from './http/inspection-routes.js';
import { realtimeRoutes } from './http/realtime-routes.js';
import { matchRoute } from './http/router.js';
import { ids } from './ids.js';
import { KeyRing } from './keys.js';
import { OpenAIError } from './protocol/openai-error.js';
import { defaultScenario } from './scenario/default-scenario.js';
import { parseScenario } from './scenario/scenario.js';
import { ringIncomingCall } from './sip/ring-incoming-call.js';
import { stderrLogger } from './simulator-logger.js';
import { RealtimeWebSocketGateway } from './transport/realtime-websocket.js';
/**
 * Starts a protocol-faithful OpenAI Realtime API on a local port: client secrets, WebRTC calls
 * (werift), the WebSocket and sideband endpoints, SIP call control and webhooks. No Nest, no
 * network beyond the loopback: tests, `npm run simulator` and `npm start` (without an OpenAI key)
 * all use this.
 */ export async function startSimulator(options = {}) {
    const keys = new KeyRing(options.apiKey ?? ids.apiKey(), options.now);
    const logger = options.logger ?? stderrLogger;
    const calls = new CallRegistry({
        scenario: options.scenario ? parseScenario(options.scenario) : defaultScenario,
        maxCallDurationMs: options.maxCallDurationMs ?? 60 * 60_000,
        speechMsPerChar: options.speechMsPerChar ?? 50,
        timeScale: options.timeScale ?? 1,
        logger
    });
    const ctx = {
        keys,
        calls,
        inspection: options.inspection ?? false,
        logger,
        webhookDelivery: {
            attempts: 4,
            baseDelayMs: 500,
            ...options.webhookDelivery
        }
    };
    const routes = ctx.inspection ? [
        ...realtimeRoutes,
        ...inspectionRoutes
    ] : realtimeRoutes;
    const gateway = new RealtimeWebSocketGateway(ctx);
    const server = createServer((req, res)=>void serve(ctx, routes, req, res));
    server.on('upgrade', (req, socket, head)=>{
        if (new URL(req.url ?? '/', 'http://x').pathname === '/v1/realtime') gateway.handleUpgrade(req, socket, head);
        else socket.destroy();
    });
    await new Promise((resolve, reject)=>{
        server.once('error', reject);
        server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
    });
    const { port } = server.address();
    const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
    return {
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
        apiKey: keys.apiKey,
        calls,
        simulateIncomingCall: (request)=>ringIncomingCall(ctx, request),
        close: async ()=>{
            calls.endAll('simulator_closed');
            gateway.close();
            server.closeAllConnections();
            await new Promise((resolve)=>server.close(()=>resolve()));
        }
    };
}
async function serve(ctx, routes, req, res) {
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
            'access-control-max-age': '600'
        });
        res.end();
        return;
    }
    try {
        const matched = matchRoute(routes, req.method ?? 'GET', path);
        if (!matched) {
            throw new OpenAIError(404, 'invalid_request_error', null, `Invalid URL (${req.method} ${path})`);
        }
        await matched.route.handle(ctx, req, res, matched.params);
    } catch (error) {
        const failure = error instanceof OpenAIError ? error : new OpenAIError(500, 'server_error', null, 'The server had an error while processing your request.');
        if (!res.headersSent) sendError(res, failure);
        else res.destroy();
    }
}
/** The headers the API always allows, plus what the preflight asks for (SDKs add their own). */ const BASE_ALLOWED_HEADERS = [
    'authorization',
    'content-type',
    'openai-safety-identifier'
];
/**
 * The real API answers a preflight for any request headers (the Agents SDK sends
 * `x-openai-agents-sdk`); echoed only when they are a plain list of header names.
 */ function allowedHeaders(requested) {
    const names = (requested ?? '').split(',').map((name)=>name.trim().toLowerCase()).filter((name)=>/^[a-z0-9!#$%&'*+.^_`|~-]{1,64}$/.test(name));
    return [
        ...new Set([
            ...BASE_ALLOWED_HEADERS,
            ...names
        ])
    ].slice(0, 32).join(', ');
}

//# sourceMappingURL=simulator.js.map