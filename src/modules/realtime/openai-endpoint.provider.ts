import { Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';

import { AppConfig } from '../../config/app-config.js';
import { loadScenarioFile, startSimulator, type Simulator } from '../../simulator/index.js';
import { OpenAIEndpoint } from './openai-endpoint.js';

class SimulatedEndpoint extends OpenAIEndpoint implements OnApplicationShutdown {
  readonly simulated = true;
  readonly baseUrl: string;
  readonly apiKey: string;

  constructor(private readonly simulator: Simulator) {
    super();
    this.baseUrl = `${simulator.url}/v1`;
    this.apiKey = simulator.apiKey;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.simulator.close();
  }
}

/**
 * Resolves the OpenAI endpoint at boot. Without OPENAI_API_KEY it starts the Realtime simulator
 * and says so loudly, once, at warn level: nobody should mistake the demo model for the real one.
 */
export const openAIEndpointProvider: Provider = {
  provide: OpenAIEndpoint,
  inject: [AppConfig],
  useFactory: async (config: AppConfig): Promise<OpenAIEndpoint> => {
    const { apiKey, baseUrl } = config.openai;
    if (apiKey) return { baseUrl, apiKey, simulated: false };
    const { port, scenarioPath, inspection, transcriptionDelayMs } = config.simulator;
    const simulator = await startSimulator({
      port,
      inspection,
      transcriptionDelayMs,
      scenario: scenarioPath ? loadScenarioFile(scenarioPath) : undefined,
      logger: new Logger('RealtimeSimulator'),
    });
    new Logger('OpenAIEndpoint').warn(
      {
        simulatorUrl: `${simulator.url}/v1`,
        scenario: scenarioPath ?? 'built-in demo',
      },
      'OPENAI_API_KEY is not set: running on the built-in Realtime SIMULATOR, not OpenAI. ' +
        'Set OPENAI_API_KEY to use the real API.',
    );
    return new SimulatedEndpoint(simulator);
  },
};
