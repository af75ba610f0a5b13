import OpenAI from 'openai';
import { startSimulator } from '../../src/simulator/index.js';
import { RealtimeSocket } from './realtime-socket.js';
/** Registers the hooks; call it inside `describe`. The simulator runs fast (`timeScale` 0.05). */ export function simulatorSuite(scenario) {
    let sim;
    let client;
    const opened = [];
    beforeAll(async ()=>{
        sim = await startSimulator({
            inspection: true,
            timeScale: 0.05,
            scenario
        });
        client = new OpenAI({
            apiKey: sim.apiKey,
            baseURL: `${sim.url}/v1`,
            maxRetries: 0
        });
    });
    afterEach(async ()=>{
        await Promise.all(opened.splice(0).map((socket)=>socket.closeAndWait()));
    });
    afterAll(async ()=>{
        await sim?.close();
    });
    return {
        get sim () {
            return sim;
        },
        get client () {
            return client;
        },
        async open (query, key) {
            const socket = await RealtimeSocket.open(sim.url, query, key ?? sim.apiKey);
            opened.push(socket);
            return socket;
        }
    };
}

//# sourceMappingURL=simulator-suite.js.map