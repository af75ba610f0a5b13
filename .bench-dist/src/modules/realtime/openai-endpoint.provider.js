import { Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { loadScenarioFile, startSimulator } from '../../simulator/index.js';
import { OpenAIEndpoint } from './openai-endpoint.js';
let SimulatedEndpoint = class SimulatedEndpoint extends OpenAIEndpoint {
    constructor(simulator){
        super(), this.simulator = simulator, this.simulated = true;
        this.baseUrl = `${simulator.url}/v1`;
        this.apiKey = simulator.apiKey;
    }
    async onApplicationShutdown() {
        await this.simulator.close();
    }
};
/**
 * Resolves the OpenAI endpoint at boot. Without OPENAI_API_KEY it starts the Realtime simulator
 * and says so loudly, once, at warn level: nobody should mistake the demo model for the real one.
 */ export const openAIEndpointProvider = {
    provide: OpenAIEndpoint,
    inject: [
        AppConfig
    ],
    useFactory: async (config)=>{
        const { apiKey, baseUrl } = config.openai;
        if (apiKey) return {
            baseUrl,
            apiKey,
            simulated: false
        };
        const { port, scenarioPath, inspection } = config.simulator;
        const simulator = await startSimulator({
            port,
            inspection,
            scenario: scenarioPath ? loadScenarioFile(scenarioPath) : undefined,
            logger: new Logger('RealtimeSimulator')
        });
        new Logger('OpenAIEndpoint').warn({
            simulatorUrl: `${simulator.url}/v1`,
            scenario: scenarioPath ?? 'built-in demo'
        }, 'OPENAI_API_KEY is not set: running on the built-in Realtime SIMULATOR, not OpenAI. ' + 'Set OPENAI_API_KEY to use the real API.');
        return new SimulatedEndpoint(simulator);
    }
};

//# sourceMappingURL=openai-endpoint.provider.js.map