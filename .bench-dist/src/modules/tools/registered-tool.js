export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_APPROVAL_EXPIRY_SECONDS = 15 * 60;
export function normalizeApproval(approval) {
    if (approval === undefined || approval === false) return null;
    const policy = approval === true || typeof approval === 'function' ? {
        when: approval
    } : approval;
    return {
        when: policy.when ?? true,
        approverRoles: policy.approverRoles ?? [
            'approver'
        ],
        approvers: policy.approvers ?? 1,
        expiresInSeconds: policy.expiresInSeconds ?? DEFAULT_APPROVAL_EXPIRY_SECONDS,
        onTimeout: policy.onTimeout ?? 'reject',
        escalateTo: policy.escalateTo ?? []
    };
}
/** Whether this particular call must wait for a human. */ export function needsApproval(tool, input, principal) {
    const when = tool.approval?.when ?? false;
    return typeof when === 'function' ? when(input, principal, tool.handler) : when;
}
/** What the model is told about a tool. */ export function toolDefinition(tool) {
    return {
        type: 'function',
        name: tool.name,
        description: tool.description,
        parameters: tool.parameters
    };
}

//# sourceMappingURL=registered-tool.js.map