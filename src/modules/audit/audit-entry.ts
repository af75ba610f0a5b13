/** Who did something: an app user, an operator's API key, or Switchboard itself. */
export type AuditActor = `user:${string}` | `api-key:${string}` | 'system';

/** Every action Switchboard writes to the audit log, `resource.verb` (docs/architecture.md). */
export const AUDIT_ACTIONS = [
  'api_key.created',
  'api_key.revoked',
  'session.opened',
  'session.connected',
  'session.bound',
  'session.client_secret_minted',
  'session.ended',
  'session.revoked',
  'session.tamper_detected',
  'session.budget_warning',
  'session.budget_exceeded',
  'session.costly_tools_disabled',
  'live.delegation_created',
  'live.hosted_tool_used',
  'live.delegation_failed',
  'tool.refused',
  'tool.executed',
  'tool.failed',
  'tool.approval_requested',
  'approval.requested',
  'approval.approved',
  'approval.approval_recorded',
  'approval.rejected',
  'approval.expired',
  'approval.escalated',
  'approval.cancelled',
  'action.executed',
  'action.failed',
  'action.recovered',
  'action.delivered',
  'action.rolled_back',
  'action.rollback_failed',
  'action.rollback_requested',
  'knowledge.source_created',
  'knowledge.source_updated',
  'knowledge.document_uploaded',
  'knowledge.version_uploaded',
  'knowledge.version_published',
  'knowledge.ingestion_failed',
  'knowledge.document_retracted',
  'knowledge.document_reviewed',
  'knowledge.model_changed',
  'knowledge.model_activated',
  'grounding.given',
  'grounding.withdrawn',
  'grounding.answered',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What callers hand to `AuditLog.append`. */
export interface AuditRecord {
  readonly actor: AuditActor;
  readonly action: AuditAction;
  /** The id of what it happened to, e.g. `ses_…`. */
  readonly subject: string;
  /** Details; never secrets (they are redacted anyway). */
  readonly data?: Record<string, unknown>;
}

/** One stored, chained entry. */
export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly data: Record<string, unknown>;
  readonly prevHash: string;
  readonly hash: string;
}

export type AuditVerification =
  | { readonly ok: true; readonly entries: number; readonly lastHash: string }
  | {
      readonly ok: false;
      readonly entries: number;
      readonly brokenAt: number;
      readonly problem: string;
    };
