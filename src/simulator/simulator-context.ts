import type { CallRegistry } from './call/call-registry.js';
import type { KeyRing } from './keys.js';
import type { LiveRegistry } from './live/live-registry.js';
import type { SimulatorLogger } from './simulator-logger.js';
import type { DeliveryPolicy } from './sip/incoming-call-webhook.js';
import type { PhoneCalls } from './sip/phone-calls.js';

/** What every route and transport of one simulator instance shares. */
export interface SimulatorContext {
  readonly keys: KeyRing;
  readonly calls: CallRegistry;
  readonly live: LiveRegistry;
  /** Incoming SIP calls offered to both APIs: the first accept wins. */
  readonly phoneCalls: PhoneCalls;
  /** Live sessions expire this long after they start (`expires_at`). */
  readonly maxLiveDurationMs: number;
  /** Milliseconds since the epoch (key expiry, Live timelines). */
  readonly now: () => number;
  readonly webhookDelivery: DeliveryPolicy;
  readonly inspection: boolean;
  readonly logger: SimulatorLogger;
}
