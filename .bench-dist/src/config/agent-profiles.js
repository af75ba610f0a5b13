/**
 * What an agent is: the model settings the server sends, which registered tools it offers (each
 * caller still gets only those their roles allow), and limits that tighten the global ones.
 */ /** Output cap when a profile sets none: about 50 s of speech (one audio token per 50 ms). */ export const DEFAULT_MAX_OUTPUT_TOKENS = 1024;
/** Built-in profiles; `default` is used when `POST /v1/sessions` names none. */ export const AGENT_PROFILES = {
    default: {
        name: 'default',
        model: 'gpt-realtime',
        voice: 'marin',
        instructions: 'You are the customer-service voice assistant of an online shop. Be brief and friendly. ' + 'Use tools to look things up; never invent order details.',
        turnDetection: {
            type: 'server_vad',
            silence_duration_ms: 500,
            create_response: true,
            interrupt_response: true
        }
    }
};

//# sourceMappingURL=agent-profiles.js.map