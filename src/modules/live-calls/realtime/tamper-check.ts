import type { RealtimeSessionConfig } from '../../voice/index.js';

/** The session fields only Switchboard may set; a change to any of them from elsewhere is tampering. */
const GOVERNED_FIELDS = ['instructions', 'tools', 'tool_choice'] as const;

type Json = Record<string, unknown>;

/** Compares tools by what the model can call: name, description and parameters. */
function normaliseTools(tools: unknown): unknown {
  return ((tools as Json[] | undefined) ?? [])
    .map((tool) => ({
      type: tool.type,
      name: tool.name,
      description: tool.description ?? null,
      parameters: tool.parameters ?? null,
    }))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

function normalised(field: (typeof GOVERNED_FIELDS)[number], value: unknown): string {
  return JSON.stringify(field === 'tools' ? normaliseTools(value) : (value ?? null));
}

/** The session in force, as `session.updated` reports it (any session type, any fields). */
export type EffectiveSession = object;
type GovernedValues = { readonly [F in (typeof GOVERNED_FIELDS)[number]]?: unknown };

/** The governed fields where the effective session differs from what Switchboard set. */
export function foreignChanges(
  expected: RealtimeSessionConfig,
  effective: EffectiveSession,
): string[] {
  const actual: GovernedValues = effective;
  return GOVERNED_FIELDS.filter(
    (field) => normalised(field, expected[field]) !== normalised(field, actual[field]),
  );
}

/** The `session.update` that puts the governed fields back. */
export function revertUpdate(expected: RealtimeSessionConfig): Json {
  return {
    type: 'session.update',
    session: {
      type: 'realtime',
      instructions: expected.instructions,
      tools: expected.tools,
      tool_choice: expected.tool_choice,
    },
  };
}
