import type OpenAI from 'openai';

import type { LiveHostedTool } from '../../config/agent-profiles.js';

/** A function tool as the model is offered it. */
export interface FunctionToolConfig {
  readonly type: 'function';
  readonly name: string;
  readonly description: string;
  readonly parameters: Record<string, unknown>;
}

/** The two voice APIs a session can run on; an agent profile chooses. */
export type VoiceApi = 'realtime' | 'live';

/**
 * A Realtime session, built on the server (the browser never chooses it) and stored with the
 * session: the `openai` SDK's Realtime session type, narrowed to what Switchboard always sets.
 */
export type RealtimeSessionConfig = Omit<
  OpenAI.Realtime.RealtimeSessionCreateRequest,
  'model' | 'instructions' | 'tools' | 'tool_choice' | 'max_output_tokens'
> & {
  model: string;
  instructions: string;
  tools: FunctionToolConfig[];
  tool_choice: 'auto' | 'none' | 'required';
  max_output_tokens: number;
};

/**
 * An OpenAI-hosted tool a Live profile allowlisted explicitly (`{ type: "web_search", … }`): any
 * tool of the SDK's Responses delegation but a function (its own settings are the API's to check).
 */
export type HostedToolConfig = LiveHostedTool;

/**
 * A GPT-Live session, built on the server and stored with the session: the SDK's
 * `MediaSessionConfig`, narrowed to what Switchboard always sets. The voice model cannot call
 * tools; the Responses backend can, so the governed function tools live in the delegation. The
 * data-channel allowlists are always set: the API's default is allow-all.
 */
export type LiveSessionConfig = Omit<
  OpenAI.Live.MediaSessionConfig,
  'model' | 'instructions' | 'audio' | 'delegation' | 'client'
> & {
  /** Realtime configs carry `type: "realtime"`; a Live one has none (the API refuses it). */
  type?: undefined;
  model: string;
  instructions: string;
  audio: { output: { voice: string } };
  delegation: LiveResponsesDelegation | { type: 'client' };
  /**
   * Switchboard's own, never sent: with client delegation, the application's handler that does
   * the delegated work and the tools it may call through the governed pipeline.
   */
  handler?: { name: string; tools: FunctionToolConfig[] };
  client: {
    data_channel: {
      allowed_client_events: string[];
      allowed_server_events: OpenAI.Live.ServerEventSelector[];
    };
  };
};

/** OpenAI's Responses backend does the delegated work, with the governed function tools. */
export interface LiveResponsesDelegation {
  type: 'responses';
  responses: {
    model: string;
    instructions: string;
    tools: (FunctionToolConfig | HostedToolConfig)[];
    tool_choice: 'auto' | 'none' | 'required';
    max_output_tokens: number;
  };
}

/** The Responses backend of a Live session, if it delegates to one (not to a client handler). */
export function responsesBackendOf(
  config: LiveSessionConfig,
): LiveResponsesDelegation['responses'] | undefined {
  return config.delegation.type === 'responses' ? config.delegation.responses : undefined;
}

/** What a Live session's cost ceiling reads of its config (no backend model: a client handler). */
export function liveCostShape(config: LiveSessionConfig) {
  const backend = responsesBackendOf(config);
  return {
    model: config.model,
    backendModel: backend?.model,
    maxOutputTokens: backend?.max_output_tokens ?? 0,
  };
}

/** What the Live API is sent: the config without what Switchboard keeps for itself. */
export function liveWireConfig(config: LiveSessionConfig): OpenAI.Live.MediaSessionConfig {
  const { handler: _handler, type: _type, ...wire } = config;
  return wire;
}

/**
 * The session a call runs with, whichever API: every reader uses this type (narrowed by
 * `isLiveConfig`); nobody casts a stored config.
 */
export type SessionConfig = RealtimeSessionConfig | LiveSessionConfig;

export function isLiveConfig(config: SessionConfig): config is LiveSessionConfig {
  return config.type !== 'realtime';
}

export function voiceApiOf(config: SessionConfig): VoiceApi {
  return isLiveConfig(config) ? 'live' : 'realtime';
}

/** The governed function tools the model is offered (Live: those of its Responses backend). */
export function offeredFunctionTools(config: SessionConfig): FunctionToolConfig[] {
  return toolsOf(config).filter((tool): tool is FunctionToolConfig => tool.type === 'function');
}

/**
 * Every tool of a stored config. It is JSON from the database: a row without tools offers
 * nothing rather than failing whoever asks.
 */
function toolsOf(config: SessionConfig): readonly { readonly type: string; name?: unknown }[] {
  const tools: unknown = isLiveConfig(config) ? liveToolsOf(config) : config.tools;
  return Array.isArray(tools) ? tools : [];
}

function liveToolsOf(config: LiveSessionConfig): unknown {
  const delegation = config.delegation as Partial<LiveSessionConfig['delegation']> | undefined;
  if (delegation?.type === 'client') return config.handler?.tools;
  return (delegation as Partial<LiveResponsesDelegation> | undefined)?.responses?.tools;
}

/** The config of a session an adapter knows to be on its API (anything else is a wiring bug). */
export function realtimeConfigOf(config: SessionConfig): RealtimeSessionConfig {
  if (isLiveConfig(config)) throw new Error('A GPT-Live session reached the Realtime adapter.');
  return config;
}

export function liveConfigOf(config: SessionConfig): LiveSessionConfig {
  if (!isLiveConfig(config)) throw new Error('A Realtime session reached the GPT-Live adapter.');
  return config;
}
