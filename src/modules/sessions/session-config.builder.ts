import type { ToolDefinition } from '../tools/index.js';
import { DEFAULT_MAX_OUTPUT_TOKENS, type AgentProfile } from '../../config/agent-profiles.js';

/**
 * The Realtime session config, built on the server from the agent profile and the tools the
 * caller may use: the browser never chooses instructions or tools.
 */
export function buildSessionConfig(
  profile: AgentProfile,
  tools: readonly ToolDefinition[],
): Record<string, unknown> {
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

/**
 * When the server starts responses, turn detection keeps detecting and committing turns (and
 * barge-in, if the profile has it) but no longer starts a response by itself.
 */
function turnDetectionOf(profile: AgentProfile): Record<string, unknown> | null {
  if (profile.responseStart !== 'server' || !profile.turnDetection) return profile.turnDetection;
  return { ...profile.turnDetection, create_response: false };
}
