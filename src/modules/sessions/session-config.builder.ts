import type OpenAI from 'openai';

import {
  DEFAULT_LIVE_BACKEND_MODEL,
  DEFAULT_LIVE_PAGE,
  DEFAULT_MAX_OUTPUT_TOKENS,
  type AgentProfile,
} from '../../config/agent-profiles.js';
import type { ToolDefinition } from '../tools/index.js';
import type { LiveSessionConfig, RealtimeSessionConfig, SessionConfig } from '../voice/index.js';

/**
 * The session config, built on the server from the agent profile and the tools the caller may
 * use, for the API the profile runs on: the browser never chooses instructions or tools.
 */
export function buildSessionConfig(
  profile: AgentProfile,
  tools: readonly ToolDefinition[],
): SessionConfig {
  return profile.api === 'live'
    ? buildLiveSessionConfig(profile, tools)
    : buildRealtimeSessionConfig(profile, tools);
}

/**
 * GPT-Live: the caller's function tools go to the Responses backend (the voice cannot call tools),
 * hosted tools only if the profile lists them, and the page's data channel is always narrowed
 * (the API's default lets a page send and see everything).
 */
function buildLiveSessionConfig(
  profile: AgentProfile,
  tools: readonly ToolDefinition[],
): LiveSessionConfig {
  const live = profile.live ?? {};
  const page = { ...DEFAULT_LIVE_PAGE, ...live.page };
  const delegated = live.handler
    ? {
        delegation: { type: 'client' as const },
        handler: { name: live.handler, tools: [...tools] },
      }
    : {
        delegation: {
          type: 'responses' as const,
          responses: {
            model: live.backendModel ?? DEFAULT_LIVE_BACKEND_MODEL,
            instructions: live.backendInstructions ?? profile.instructions,
            tools: [...tools, ...(live.hostedTools ?? []).map((tool) => ({ ...tool }))],
            tool_choice: 'auto' as const,
            max_output_tokens: profile.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
          },
        },
      };
  return {
    model: profile.model,
    instructions: profile.instructions,
    audio: { output: { voice: profile.voice } },
    ...delegated,
    client: {
      data_channel: {
        allowed_client_events: [...page.clientEvents],
        allowed_server_events: page.serverEvents.map((selector) => ({ ...selector })),
      },
    },
  };
}

function buildRealtimeSessionConfig(
  profile: AgentProfile,
  tools: readonly ToolDefinition[],
): RealtimeSessionConfig {
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
