import { storedPrincipal } from '../../common/auth/principal.js';
/** States after which nothing more happens to an action except, for `executed`, a rollback. */ export const SETTLED = [
    'executed',
    'failed',
    'rejected',
    'expired',
    'cancelled'
];
/** The app user who asked, rebuilt from the stored actor (`user:<id>`). */ export function requesterPrincipal(row) {
    return storedPrincipal({
        actor: row.requester,
        tenantId: row.tenant_id,
        roles: row.requester_roles
    });
}
/** What approvers see: never the raw arguments, only the redacted copy and their digest. */ export function actionView(row, decisions = []) {
    return {
        id: row.id,
        tool: row.tool,
        status: row.status,
        statusReason: row.status_reason,
        sessionId: row.session_id,
        toolCallId: row.tool_call_id,
        requester: row.requester,
        tenantId: row.tenant_id,
        arguments: row.display_arguments,
        digest: row.digest,
        policy: row.policy,
        approverRoles: row.approver_roles,
        approvalsRequired: row.approvals_required,
        approvals: decisions.filter((d)=>d.decision === 'approve').length,
        escalated: row.escalated,
        onTimeout: row.on_timeout,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        decidedAt: row.decided_at,
        executedAt: row.executed_at,
        result: row.result ?? null,
        error: row.error,
        rollbackReason: row.rollback_reason,
        rolledBackAt: row.rolled_back_at,
        decisions: decisions.map((d)=>({
                approver: d.approver,
                decision: d.decision,
                comment: d.comment,
                at: d.at
            }))
    };
}

//# sourceMappingURL=pending-action.record.js.map