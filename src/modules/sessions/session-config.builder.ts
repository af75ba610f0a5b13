import type { AgentProfile, ToolDefinition } from './agent-profiles.js';

/**
 * The Realtime session config, built on the server from the agent profile and the caller's roles:
 * the browser never chooses instructions or tools. Only tools some role of the caller allows are
 * included.
 */
export function buildSessionConfig(
  profile: AgentProfile,
  roles: readonly string[],
): Record<string, unknown> {
  const tools = new Map<string, ToolDefinition>();
  for (const role of roles)
    for (const tool of profile.toolsByRole[role] ?? []) tools.set(tool.name, tool);
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
    tools: [...tools.values()],
    tool_choice: 'auto',
  };
}
