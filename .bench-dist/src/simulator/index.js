/** The OpenAI Realtime simulator: framework-free, for tests, offline development and `npm start`. */ export { startSimulator } from './simulator.js';
export { defaultScenario } from './scenario/default-scenario.js';
export { loadScenarioFile, parseScenario, ScenarioError } from './scenario/scenario.js';

//# sourceMappingURL=index.js.map