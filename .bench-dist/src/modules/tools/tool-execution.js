/** The tool did not settle before its timeout; its signal has been aborted. */ export class ToolTimedOut extends Error {
    constructor(...args){
        super(...args), this.name = 'ToolTimedOut';
    }
}
/**
 * Runs `work` with a deadline: its signal is aborted when time is up, and the caller stops
 * waiting at that moment even if the work ignores the signal.
 */ export async function runWithTimeout(timeoutMs, label, work) {
    const controller = new AbortController();
    let timer;
    const timedOut = new Promise((_, reject)=>{
        timer = setTimeout(()=>{
            controller.abort(new ToolTimedOut(`${label} timed out after ${timeoutMs} ms`));
            reject(new ToolTimedOut(label));
        }, timeoutMs);
    });
    try {
        return await Promise.race([
            Promise.resolve().then(()=>work(controller.signal)),
            timedOut
        ]);
    } finally{
        clearTimeout(timer);
    }
}

//# sourceMappingURL=tool-execution.js.map