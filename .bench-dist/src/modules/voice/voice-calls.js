/** The voice API does not know the call (it ended, or it never existed). */ export class CallNotFoundUpstreamError extends Error {
    constructor(...args){
        super(...args), this.name = 'CallNotFoundUpstreamError';
    }
}
/** The voice API refused a request (bad offer, quota, outage); its own words, for the caller. */ export class VoiceApiRefusedError extends Error {
    constructor(...args){
        super(...args), this.name = 'VoiceApiRefusedError';
    }
}
/**
 * The port through which sessions create, watch and end calls on a voice API. The OpenAI Realtime
 * API is the first adapter (`realtime/realtime-calls.ts`); a second one implements these same
 * methods and the sessions module does not change.
 */ export class VoiceCalls {
}

//# sourceMappingURL=voice-calls.js.map