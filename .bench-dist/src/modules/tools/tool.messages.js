/** Boot-time error texts of the tool registry; tests import the same factories. */ export const ToolMessages = {
    duplicateName: (name, first, second)=>`Two tools are named "${name}": ${first} and ${second}. Tool names must be unique.`,
    invalidName: (name, provider)=>`Tool name "${name}" on ${provider} is not snake_case (^[a-z][a-z0-9_]{0,63}$).`,
    missingExecute: (name, provider)=>`Tool "${name}" (${provider}) has no execute(input, ctx) method.`,
    missingCompensate: (name, provider, reversibility)=>`Tool "${name}" (${provider}) is ${reversibility} but has no compensate(input, result, ctx) method.`,
    missingInput: (name, provider)=>`Tool "${name}" (${provider}) declares no input DTO class.`,
    unknownAllowlistTool: (role, name, known)=>`The tool allowlist gives role "${role}" the tool "${name}", which no provider registers. ` + `Registered tools: ${known.join(', ') || '(none)'}.`,
    invalidTimeout: (name)=>`Tool "${name}" has a timeoutMs that is not a positive integer.`,
    requestScoped: (provider)=>`Skipping ${provider}: request-scoped providers cannot be tools (one instance serves every call).`,
    unknownAgentTool: (agent, name)=>`Agent profile "${agent}" offers the tool "${name}", which no provider registers.`
};

//# sourceMappingURL=tool.messages.js.map