import { OpenAIError } from '../protocol/openai-error.js';

export type AnsweringApi = 'realtime' | 'live';

/** One incoming phone call, offered to both APIs: a ringing Realtime call and Live session. */
export interface PhoneCall {
  readonly realtimeCallId?: string;
  readonly liveSessionId?: string;
  /** The API whose accept succeeded first: it owns the call from then on. */
  answeredBy?: AnsweringApi;
}

/** Phone calls kept for the first-accept-wins check; older ones are forgotten. */
const KEPT = 1000;

const API_NAME: Record<AnsweringApi, string> = { realtime: 'Realtime', live: 'Live' };

/**
 * Incoming SIP calls that fired both `realtime.call.incoming` and `live.transport.incoming`.
 * "The first successful Realtime or Live accept endpoint selects the runtime surface": once one
 * API has accepted, every control of the call through the other API fails, saying which API
 * answered it (the wording is the simulator's; the sources only say the other fails).
 */
export class PhoneCalls {
  private readonly byId = new Map<string, PhoneCall>();

  add(call: PhoneCall): void {
    for (const id of [call.realtimeCallId, call.liveSessionId]) if (id) this.byId.set(id, call);
    while (this.byId.size > KEPT * 2) {
      const oldest = this.byId.keys().next().value as string;
      this.byId.delete(oldest);
    }
  }

  /** The other API's id for the same phone call, if it was offered to both. */
  twinOf(id: string, api: AnsweringApi): string | undefined {
    const call = this.byId.get(id);
    return api === 'realtime' ? call?.liveSessionId : call?.realtimeCallId;
  }

  /** Throws when the other API already answered this call (any control through `api` fails). */
  ensureOwnedBy(id: string, api: AnsweringApi): void {
    const call = this.byId.get(id);
    if (!call?.answeredBy || call.answeredBy === api) return;
    const other = call.answeredBy;
    const otherId = other === 'live' ? call.liveSessionId : call.realtimeCallId;
    throw OpenAIError.invalidRequest(
      `This phone call was already accepted through the ${API_NAME[other]} API (${otherId}); the first successful accept selects the API, so control it there.`,
      api === 'realtime' ? 'call_already_accepted' : 'session_already_accepted',
      api === 'realtime' ? 'call_id' : 'session_id',
    );
  }

  /** Records a successful accept through `api` (after `ensureOwnedBy` passed). */
  answered(id: string, api: AnsweringApi): void {
    const call = this.byId.get(id);
    if (call) call.answeredBy = api;
  }
}
