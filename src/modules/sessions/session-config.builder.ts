import type OpenAI from 'openai';

import { DEFAULT_MAX_OUTPUT_TOKENS, type AgentProfile } from '../../config/agent-profiles.js';
import type { ToolDefinition } from '../tools/index.js';
import type { SessionConfig } from '../voice/index.js';

/**
 * The Realtime session config, built on the server from the agent profile and the tools the
 * caller may use: the browser never chooses instructions or tools.
 */
export function buildSessionConfig(
  profile: AgentProfile,
  tools: readonly ToolDefinition[],
): SessionConfig {
  return {
    type: 'realtime',
    model: profile.model,
    instructions: profile.instructions,
    audio: {
      input: {
        turn_detection: turnDetectionOf(profile),
        transcription: { model: 'gpt-4o-transcribe' },
      },
      output: { voice: profile.voice },
    },
    tools: [...tools],
    tool_choice: 'auto',
    max_output_tokens: profile.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
  };
}

type TurnDetection = OpenAI.Realtime.RealtimeAudioConfigInput['turn_detection'];

/**
 * When the server starts responses, turn detection keeps detecting and committing turns (and
 * barge-in, if the profile has it) but no longer starts a response by itself.
 */
function turnDetectionOf(profile: AgentProfile): TurnDetection {
  // The profile file checks only that it is an object or null; the voice API refuses a malformed
  // one when the call is created (UPSTREAM_ERROR), as it would any other field.
  const configured = profile.turnDetection as TurnDetection;
  if (profile.responseStart !== 'server' || !configured) return configured;
  return { ...configured, create_response: false } as TurnDetection;
}
