/**
 * `npm run simulator -- [--port 8787] [--host 127.0.0.1] [--api-key sk-test] [--scenario file.json]
 *   [--inspect] [--max-call-minutes 60] [--transcription-delay-ms 0]`
 * Serves the Realtime simulator until interrupted. Without --api-key it generates one and prints it.
 * --transcription-delay-ms: how long after a turn is committed its input transcription completes
 * (its word deltas spread before that), as the real API transcribes asynchronously; 0 (default)
 * sends it at once, right after the user item.
 */
import { parseArgs } from 'node:util';

import { loadScenarioFile, ScenarioError } from './scenario/scenario.js';
import { startSimulator } from './simulator.js';

function fail(message: string): never {
  process.stderr.write(`simulator: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        'api-key': { type: 'string' },
        scenario: { type: 'string' },
        inspect: { type: 'boolean', default: false },
        'max-call-minutes': { type: 'string', default: '60' },
        'transcription-delay-ms': { type: 'string', default: '0' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail('--port must be an integer between 0 and 65535');
  const minutes = Number(values['max-call-minutes']);
  if (!(minutes > 0)) fail('--max-call-minutes must be a positive number');
  const transcriptionDelayMs = Number(values['transcription-delay-ms']);
  if (!Number.isFinite(transcriptionDelayMs) || transcriptionDelayMs < 0)
    fail('--transcription-delay-ms must be a non-negative number');
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
    maxCallDurationMs: minutes * 60_000,
    transcriptionDelayMs,
  });
  process.stdout.write(`OpenAI Realtime simulator listening on ${simulator.url}/v1\n`);
  process.stdout.write(
    `Scenario: ${values.scenario ?? 'built-in demo'}; inspection routes ${values.inspect ? 'on' : 'off'}\n`,
  );
  if (!values['api-key']) process.stdout.write(`API key (generated):\n${simulator.apiKey}\n`);
  const stop = () => void simulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
