import { OpenAIError } from '../protocol/openai-error.js';
import { RealtimeCall } from './realtime-call.js';
/** Ended calls kept for inspection, newest last. */ const ENDED_CALLS_KEPT = 500;
/** Every call the simulator knows, live or recently ended. */ export class CallRegistry {
    constructor(defaults){
        this.defaults = defaults;
        this.calls = new Map();
    }
    create(kind, session, state = 'active') {
        const call = new RealtimeCall({
            kind,
            session,
            state,
            scenario: this.defaults.scenario,
            maxDurationMs: this.defaults.maxCallDurationMs,
            speechMsPerChar: this.defaults.speechMsPerChar,
            timeScale: this.defaults.timeScale,
            logger: this.defaults.logger
        });
        this.calls.set(call.id, call);
        call.onEnded(()=>this.prune());
        return call;
    }
    /** Any call, ended or not (inspection). */ find(id) {
        return this.calls.get(id);
    }
    /** A call that has not ended; 404 `call_id_not_found` otherwise (control endpoints, sideband). */ live(id) {
        const call = this.calls.get(id);
        if (!call || call.state === 'ended') throw OpenAIError.callNotFound();
        return call;
    }
    all() {
        return [
            ...this.calls.values()
        ];
    }
    endAll(reason) {
        for (const call of this.calls.values())call.end(reason);
    }
    prune() {
        const ended = [
            ...this.calls.values()
        ].filter((call)=>call.state === 'ended');
        for (const call of ended.slice(0, Math.max(0, ended.length - ENDED_CALLS_KEPT))){
            this.calls.delete(call.id);
        }
    }
}

//# sourceMappingURL=call-registry.js.map