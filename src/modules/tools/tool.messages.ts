/** Boot-time error texts of the tool registry; tests import the same factories. */
export const ToolMessages = {
  duplicateName: (name: string, first: string, second: string) =>
    `Two tools are named "${name}": ${first} and ${second}. Tool names must be unique.`,
  invalidName: (name: string, provider: string) =>
    `Tool name "${name}" on ${provider} is not snake_case (^[a-z][a-z0-9_]{0,63}$).`,
  missingExecute: (name: string, provider: string) =>
    `Tool "${name}" (${provider}) has no execute(input, ctx) method.`,
  missingCompensate: (name: string, provider: string, reversibility: string) =>
    `Tool "${name}" (${provider}) is ${reversibility} but has no compensate(input, result, ctx) method.`,
  missingInput: (name: string, provider: string) =>
    `Tool "${name}" (${provider}) declares no input DTO class.`,
  unknownAllowlistTool: (role: string, name: string, known: readonly string[]) =>
    `The tool allowlist gives role "${role}" the tool "${name}", which no provider registers. ` +
    `Registered tools: ${known.join(', ') || '(none)'}.`,
  invalidTimeout: (name: string) =>
    `Tool "${name}" has a timeoutMs that is not a positive integer.`,
  requestScoped: (provider: string) =>
    `Skipping ${provider}: request-scoped providers cannot be tools (one instance serves every call).`,
  unknownAgentTool: (agent: string, name: string) =>
    `Agent profile "${agent}" offers the tool "${name}", which no provider registers.`,
} as const;
