import { KeptSessions } from '../kept-sessions.js';
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
  /** See `CallOptions.transcriptionDelayMs`; default 0 (the transcription is sent at once). */
  readonly transcriptionDelayMs?: number;
  readonly logger: SimulatorLogger;
}

/** Every call the simulator knows, live or recently ended. */
export class CallRegistry {
  private readonly calls = new KeptSessions<RealtimeCall>(() => OpenAIError.callNotFound());

  constructor(private readonly defaults: CallDefaults) {}

  create(kind: CallKind, session: EffectiveSession, state: CallState = 'active'): RealtimeCall {
    return this.calls.add(
      new RealtimeCall({
        kind,
        session,
        state,
        scenario: this.defaults.scenario,
        maxDurationMs: this.defaults.maxCallDurationMs,
        speechMsPerChar: this.defaults.speechMsPerChar,
        timeScale: this.defaults.timeScale,
        transcriptionDelayMs: this.defaults.transcriptionDelayMs ?? 0,
        logger: this.defaults.logger,
      }),
    );
  }

  /** Any call, ended or not (inspection). */
  find(id: string): RealtimeCall | undefined {
    return this.calls.find(id);
  }

  /** A call that has not ended; 404 `call_id_not_found` otherwise (control endpoints, sideband). */
  live(id: string): RealtimeCall {
    return this.calls.live(id);
  }

  all(): RealtimeCall[] {
    return this.calls.all();
  }

  endAll(reason: string): void {
    for (const call of this.calls.all()) call.end(reason);
  }
}
