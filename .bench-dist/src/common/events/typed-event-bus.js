import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
/**
 * An in-process bus over a typed map of event name → payload: subscribers and emitters are checked
 * at compile time. Listeners run synchronously, in subscription order, at `emit`; one that throws
 * or rejects is logged, never allowed to break the emitter or crash the process.
 */ export class TypedEventBus {
    constructor(name, failureMessage = 'An event handler failed'){
        this.failureMessage = failureMessage;
        this.emitter = new EventEmitter();
        this.logger = new Logger(name);
        this.emitter.setMaxListeners(0);
    }
    emit(name, payload) {
        this.emitter.emit(channel(name), payload);
    }
    /** Subscribes; returns the unsubscribe function. */ on(name, handler) {
        const safe = (payload)=>{
            try {
                void Promise.resolve(handler(payload)).catch((error)=>this.report(name, error));
            } catch (error) {
                this.report(name, error);
            }
        };
        this.emitter.on(channel(name), safe);
        return ()=>this.emitter.off(channel(name), safe);
    }
    report(name, error) {
        this.logger.error({
            event: name,
            err: error?.message
        }, this.failureMessage);
    }
}
/** Node's emitter throws on an unheard `error` event; no event name may be special to it. */ function channel(name) {
    return `event:${name}`;
}

//# sourceMappingURL=typed-event-bus.js.map