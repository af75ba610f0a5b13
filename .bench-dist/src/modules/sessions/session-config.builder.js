import { DEFAULT_MAX_OUTPUT_TOKENS } from '../../config/agent-profiles.js';
/**
 * The Realtime session config, built on the server from the agent profile and the tools the
 * caller may use: the browser never chooses instructions or tools.
 */ export function buildSessionConfig(profile, tools) {
    return {
        type: 'realtime',
        model: profile.model,
        instructions: profile.instructions,
        audio: {
            input: {
                turn_detection: turnDetectionOf(profile),
                transcription: {
                    model: 'gpt-4o-transcribe'
                }
            },
            output: {
                voice: profile.voice
            }
        },
        tools: [
            ...tools
        ],
        tool_choice: 'auto',
        max_output_tokens: profile.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS
    };
}
/**
 * When the server starts responses, turn detection keeps detecting and committing turns (and
 * barge-in, if the profile has it) but no longer starts a response by itself.
 */ function turnDetectionOf(profile) {
    // The profile file checks only that it is an object or null; the voice API refuses a malformed
    // one when the call is created (UPSTREAM_ERROR), as it would any other field.
    const configured = profile.turnDetection;
    if (profile.responseStart !== 'server' || !configured) return configured;
    return {
        ...configured,
        create_response: false
    };
}

//# sourceMappingURL=session-config.builder.js.map