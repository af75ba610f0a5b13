import { storedPrincipal, type Principal } from '../../common/auth/principal.js';

export type ActionStatus =
  | 'pending'
  | 'approved'
  | 'executing'
  | 'executed'
  | 'failed'
  | 'rejected'
  | 'expired'
  | 'cancelled'
  | 'rolling_back'
  | 'rolled_back'
  | 'rollback_failed';

/** States after which nothing more happens to an action except, for `executed`, a rollback. */
export const SETTLED: readonly ActionStatus[] = [
  'executed',
  'failed',
  'rejected',
  'expired',
  'cancelled',
];

/** A row of `pending_actions`. */
export interface PendingActionRow {
  id: string;
  tool: string;
  session_id: string;
  tool_call_id: string;
  requester: string;
  requester_roles: string[];
  tenant_id: string | null;
  arguments: Record<string, unknown>;
  display_arguments: Record<string, unknown>;
  digest: string;
  policy: string;
  approver_roles: string[];
  approvals_required: number;
  on_timeout: 'reject' | 'escalate';
  escalate_to: string[];
  escalated: boolean;
  status: ActionStatus;
  status_reason: string | null;
  created_at: Date;
  expires_at: Date;
  decided_at: Date | null;
  claimed_by: string | null;
  lease_expires_at: Date | null;
  attempts: number;
  executed_at: Date | null;
  result: unknown;
  error: { code: string; message: string } | null;
  delivered_at: Date | null;
  rollback_reason: string | null;
  rollback_result: unknown;
  rolled_back_at: Date | null;
}

export interface DecisionRow {
  approver: string;
  decision: 'approve' | 'reject';
  comment: string | null;
  at: Date;
}

/** The app user who asked, rebuilt from the stored actor (`user:<id>`). */
export function requesterPrincipal(row: PendingActionRow): Principal {
  return storedPrincipal({
    actor: row.requester,
    tenantId: row.tenant_id,
    roles: row.requester_roles,
  });
}

/** What approvers see: never the raw arguments, only the redacted copy and their digest. */
export function actionView(row: PendingActionRow, decisions: DecisionRow[] = []) {
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
    approvals: decisions.filter((d) => d.decision === 'approve').length,
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
    decisions: decisions.map((d) => ({
      approver: d.approver,
      decision: d.decision,
      comment: d.comment,
      at: d.at,
    })),
  };
}

export type ActionView = ReturnType<typeof actionView>;
