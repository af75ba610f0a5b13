function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
import { Injectable } from '@nestjs/common';
export class ChargesInFlight {
    add(callId, charge) {
        const before = this.byCall.get(callId) ?? Promise.resolve();
        // A failed charge still counts as settled: later checks must not wait on it, or reject.
        const settled = Promise.all([
            before,
            charge.catch(()=>undefined)
        ]);
        this.byCall.set(callId, settled);
        // Forgotten once settled and nothing newer came, so ended calls leave nothing behind.
        void settled.finally(()=>{
            if (this.byCall.get(callId) === settled) this.byCall.delete(callId);
        });
    }
    settled(callId) {
        return this.byCall.get(callId) ?? Promise.resolve();
    }
    constructor(){
        this.byCall = new Map();
    }
}
ChargesInFlight = _ts_decorate([
    Injectable()
], ChargesInFlight);

//# sourceMappingURL=charges-in-flight.js.map