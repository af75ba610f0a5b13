export const TOOL_ALLOWLIST = Symbol('TOOL_ALLOWLIST');

//# sourceMappingURL=tool-allowlist.js.map