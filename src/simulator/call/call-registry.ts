import { OpenAIError } from '../protocol/openai-error.js';
import type { EffectiveSession } from '../protocol/session-config.js';
import type { Scenario } from '../scenario/scenario.js';
import type { SimulatorLogger } from '../simulator-logger.js';
import type { CallKind, CallState } from './call-types.js';
import { RealtimeCall } from './realtime-call.js';

export interface CallDefaults {
  readonly scenario: Scenario;
  readonly maxCallDurationMs: number;
  readonly speechMsPerChar: number;
  readonly timeScale: number;
  readonly logger: SimulatorLogger;
}

/** Ended calls kept for inspection, newest last. */
const ENDED_CALLS_KEPT = 500;

/** Every call the simulator knows, live or recently ended. */
export class CallRegistry {
  private readonly calls = new Map<string, RealtimeCall>();

  constructor(private readonly defaults: CallDefaults) {}

  create(kind: CallKind, session: EffectiveSession, state: CallState = 'active'): RealtimeCall {
    const call = new RealtimeCall({
      kind,
      session,
      state,
      scenario: this.defaults.scenario,
      maxDurationMs: this.defaults.maxCallDurationMs,
      speechMsPerChar: this.defaults.speechMsPerChar,
      timeScale: this.defaults.timeScale,
      logger: this.defaults.logger,
    });
    this.calls.set(call.id, call);
    call.onEnded(() => this.prune());
    return call;
  }

  /** Any call, ended or not (inspection). */
  find(id: string): RealtimeCall | undefined {
    return this.calls.get(id);
  }

  /** A call that has not ended; 404 `call_id_not_found` otherwise (control endpoints, sideband). */
  live(id: string): RealtimeCall {
    const call = this.calls.get(id);
    if (!call || call.state === 'ended') throw OpenAIError.callNotFound();
    return call;
  }

  all(): RealtimeCall[] {
    return [...this.calls.values()];
  }

  endAll(reason: string): void {
    for (const call of this.calls.values()) call.end(reason);
  }

  private prune(): void {
    const ended = [...this.calls.values()].filter((call) => call.state === 'ended');
    for (const call of ended.slice(0, Math.max(0, ended.length - ENDED_CALLS_KEPT))) {
      this.calls.delete(call.id);
    }
  }
}
