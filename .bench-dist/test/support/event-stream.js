/** A realtime server event as tests read it. */ /**
 * Collects the events arriving on one connection and lets a test wait for the next one that
 * matches, without sleeping for timing.
 */ export class EventStream {
    push(event) {
        this.events.push(event);
        for (const waiter of [
            ...this.waiters
        ]){
            if (waiter.test(event)) {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                waiter.resolve(event);
            }
        }
    }
    /** Types seen so far, in order. */ types() {
        return this.events.map((e)=>e.type);
    }
    /**
   * The first event after the previous `next()` match that has `type` (and satisfies `where`),
   * waiting up to `timeoutMs` for it to arrive.
   */ async next(type, where = ()=>true, timeoutMs = 10_000) {
        const test = (e)=>e.type === type && where(e);
        const index = this.events.findIndex((e, i)=>i >= this.cursor && test(e));
        if (index >= 0) {
            this.cursor = index + 1;
            return this.events[index];
        }
        const event = await new Promise((resolve, reject)=>{
            const timer = setTimeout(()=>{
                this.waiters.splice(this.waiters.findIndex((w)=>w.resolve === done), 1);
                reject(new Error(`Timed out waiting for ${type}; saw: ${this.types().slice(-15).join(', ')}`));
            }, timeoutMs);
            const done = (e)=>{
                clearTimeout(timer);
                resolve(e);
            };
            this.waiters.push({
                test,
                resolve: done
            });
        });
        this.cursor = this.events.indexOf(event) + 1;
        return event;
    }
    constructor(){
        this.events = [];
        this.waiters = [];
        this.cursor = 0;
    }
}

//# sourceMappingURL=event-stream.js.map