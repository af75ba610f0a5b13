import type { LiveSessionConfig } from '../../voice/index.js';

/** A resolved Live session as `session.started` / `session.updated` report it (any fields). */
export type ResolvedLiveSession = Record<string, unknown>;

type Comparable = Record<string, unknown>;

/**
 * What Switchboard set and must find in force, as comparable values: model, instructions and
 * voice (immutable after start), the delegation's type, model and tools (by name or type), and
 * the page's data-channel allowlists (order does not matter).
 */
function governed(session: Comparable): Record<string, string> {
  const audio = session.audio as { output?: { voice?: unknown } } | undefined;
  const delegation = session.delegation as
    { type?: unknown; responses?: { model?: unknown; tools?: unknown } } | undefined;
  const client = session.client as
    | { data_channel?: { allowed_client_events?: unknown; allowed_server_events?: unknown } }
    | undefined;
  const tools = Array.isArray(delegation?.responses?.tools) ? delegation.responses.tools : [];
  const channel = client?.data_channel;
  return {
    model: JSON.stringify(session.model ?? null),
    instructions: JSON.stringify(session.instructions ?? null),
    voice: JSON.stringify(audio?.output?.voice ?? null),
    delegation: JSON.stringify([delegation?.type ?? null, delegation?.responses?.model ?? null]),
    tools: sortedJson(
      tools.map((tool: { type?: unknown; name?: unknown }) => `${tool.type}:${tool.name ?? ''}`),
    ),
    allowed_client_events: sortedJson(channel?.allowed_client_events),
    allowed_server_events: sortedJson(
      Array.isArray(channel?.allowed_server_events)
        ? channel.allowed_server_events.map(
            (s: Comparable) => `${s.type}/${s.response_event ?? ''}`,
          )
        : channel?.allowed_server_events,
    ),
  };
}

function sortedJson(value: unknown): string {
  return JSON.stringify(Array.isArray(value) ? value.map(String).sort() : (value ?? null));
}

/** The governed settings where the resolved session differs from what Switchboard set. */
export function liveConfigChanges(
  expected: LiveSessionConfig,
  resolved: ResolvedLiveSession,
): string[] {
  const want = governed(expected as unknown as Comparable);
  const have = governed(resolved);
  return Object.keys(want).filter((field) => want[field] !== have[field]);
}
