import { resolveLiveSession, validateLiveSessionConfig } from '../protocol/live-session-config.js';
import type { SimulatorContext } from '../simulator-context.js';
import type { LiveSession } from './live-session.js';

/**
 * Validates a Live session config for its transport and creates the session, with `expires_at`
 * at the simulator's maximum duration. Throws an `OpenAIError` (nothing created) when invalid.
 */
export function newLiveSession(
  ctx: SimulatorContext,
  transport: 'webrtc' | 'websocket' | 'sip',
  config: unknown,
  state: 'ringing' | 'active' = 'active',
): LiveSession {
  const validated = validateLiveSessionConfig(config, { transport, param: 'session' });
  // Rounded up: a session never expires before its full duration.
  const expiresAt = Math.ceil((ctx.now() + ctx.maxLiveDurationMs) / 1000);
  return ctx.live.create(
    transport,
    (id) => resolveLiveSession(validated, { id, expiresAt }),
    state,
  );
}

/**
 * An incoming phone call offered to the Live API: a SIP session that rings until accepted (its
 * real config comes with the accept; this placeholder only shapes inspection).
 */
export function ringingLiveSession(ctx: SimulatorContext): LiveSession {
  return newLiveSession(ctx, 'sip', { type: 'live', model: 'gpt-live-1' }, 'ringing');
}
