/** The OpenAI Realtime simulator: framework-free, for tests, offline development and `npm start`. */
export { startSimulator, type Simulator, type SimulatorOptions } from './simulator.js';
export type { SimulatorLogger } from './simulator-logger.js';
export { defaultScenario } from './scenario/default-scenario.js';
export {
  loadScenarioFile,
  parseScenario,
  ScenarioError,
  type Scenario,
  type ScenarioRule,
} from './scenario/scenario.js';
export type { IncomingCallRequest, DeliveryResult } from './sip/incoming-call-webhook.js';
export type { IncomingCall } from './sip/ring-incoming-call.js';
export type { RealtimeCall } from './call/realtime-call.js';
export type { LoggedEvent, ServerEvent } from './call/call-types.js';
