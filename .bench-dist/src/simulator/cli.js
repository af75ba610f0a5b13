/**
 * `npm run simulator -- [--port 8787] [--host 127.0.0.1] [--api-key sk-test] [--scenario file.json]
 *   [--inspect] [--max-call-minutes 60]`
 * Serves the Realtime simulator until interrupted. Without --api-key it generates one and prints it.
 */ import { parseArgs } from 'node:util';
import { loadScenarioFile, ScenarioError } from './scenario/scenario.js';
import { startSimulator } from './simulator.js';
function fail(message) {
    process.stderr.write(`simulator: ${message}\n`);
    process.exit(2);
}
async function main() {
    let values;
    try {
        ({ values } = parseArgs({
            options: {
                port: {
                    type: 'string',
                    default: '8787'
                },
                host: {
                    type: 'string',
                    default: '127.0.0.1'
                },
                'api-key': {
                    type: 'string'
                },
                scenario: {
                    type: 'string'
                },
                inspect: {
                    type: 'boolean',
                    default: false
                },
                'max-call-minutes': {
                    type: 'string',
                    default: '60'
                }
            }
        }));
    } catch (error) {
        fail(error.message);
    }
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be an integer between 0 and 65535');
    const minutes = Number(values['max-call-minutes']);
    if (!(minutes > 0)) fail('--max-call-minutes must be a positive number');
    let scenario;
    try {
        scenario = values.scenario ? loadScenarioFile(values.scenario) : undefined;
    } catch (error) {
        if (error instanceof ScenarioError) fail(error.message);
        throw error;
    }
    const simulator = await startSimulator({
        port,
        host: values.host,
        apiKey: values['api-key'],
        scenario,
        inspection: values.inspect,
        maxCallDurationMs: minutes * 60_000
    });
    process.stdout.write(`OpenAI Realtime simulator listening on ${simulator.url}/v1\n`);
    process.stdout.write(`Scenario: ${values.scenario ?? 'built-in demo'}; inspection routes ${values.inspect ? 'on' : 'off'}\n`);
    if (!values['api-key']) process.stdout.write(`API key (generated):\n${simulator.apiKey}\n`);
    const stop = ()=>void simulator.close().then(()=>process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
}
void main();

//# sourceMappingURL=cli.js.map