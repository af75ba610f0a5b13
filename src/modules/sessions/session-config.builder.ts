import type { ToolDefinition } from '../tools/registered-tool.js';
import type { AgentProfile } from '../../config/agent-profiles.js';

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
        turn_detection: profile.turnDetection,
        transcription: { model: 'gpt-4o-transcribe' },
      },
      output: { voice: profile.voice },
    },
    tools: [...tools],
    tool_choice: 'auto',
  };
}
