import type { LiveSessionConfig } from '../../voice/index.js';

/** A resolved Live session as `session.started` / `session.updated` report it (any fields). */
export type ResolvedLiveSession = Record<string, unknown>;

type Comparable = Record<string, unknown>;

/**
 * What Switchboard set and must find in force, as comparable values: model, instructions and
 * voice (immutable after start), the whole delegation (type; the backend's model, instructions,
 * tool choice and output cap; each tool as defined), and the page's data-channel allowlists.
 * Order does not matter, nor do fields a resolved session adds as null.
 */
function governed(session: Comparable, ignoredTools: ReadonlySet<string>): Record<string, string> {
  const audio = session.audio as { output?: { voice?: unknown } } | undefined;
  const delegation = session.delegation as
    { type?: unknown; responses?: Comparable & { tools?: unknown } } | undefined;
  const client = session.client as
    | { data_channel?: { allowed_client_events?: unknown; allowed_server_events?: unknown } }
    | undefined;
  const { tools, ...backend } = delegation?.responses ?? {};
  const channel = client?.data_channel;
  return {
    model: canonical(session.model),
    instructions: canonical(session.instructions),
    voice: canonical(audio?.output?.voice),
    delegation: canonical({
      type: delegation?.type,
      ...pick(backend, ['model', 'instructions', 'tool_choice', 'max_output_tokens']),
    }),
    tools: sortedCanonical(
      (Array.isArray(tools) ? (tools as Comparable[]) : []).filter(
        (tool) => !ignoredTools.has(String(tool.name)),
      ),
    ),
    allowed_client_events: sortedCanonical(channel?.allowed_client_events),
    allowed_server_events: sortedCanonical(channel?.allowed_server_events),
  };
}

function pick(value: Comparable, keys: readonly string[]): Comparable {
  return Object.fromEntries(keys.map((key) => [key, value[key]]));
}

/** JSON with sorted keys and null / undefined fields left out. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const entries = Object.entries(v as Comparable).filter(
      ([, field]) => field !== null && field !== undefined,
    );
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  });
}

function sortedCanonical(value: unknown): string {
  return Array.isArray(value) ? JSON.stringify(value.map(canonical).sort()) : canonical(value);
}

/**
 * The governed settings where the resolved session differs from what Switchboard set.
 * `withdrawn` names tools Switchboard itself took away (costly ones near the budget): a
 * snapshot from before that (a reconnect's replay of `session.started`) may still list them.
 */
export function liveConfigChanges(
  expected: LiveSessionConfig,
  resolved: ResolvedLiveSession,
  withdrawn: ReadonlySet<string> = new Set(),
): string[] {
  const want = governed(expected as unknown as Comparable, withdrawn);
  const have = governed(resolved, withdrawn);
  return Object.keys(want).filter((field) => want[field] !== have[field]);
}
