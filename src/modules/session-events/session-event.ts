import type { AuditEntry } from '../audit/index.js';

/** What a caller's page learns about its own session (`GET /v1/sessions/{id}/events`). */
export type SessionEvent =
  | { readonly type: 'state'; readonly state: 'active' }
  | {
      readonly type: 'tool';
      readonly tool: string;
      readonly toolCallId: string | null;
      readonly outcome: 'executed' | 'refused' | 'failed' | 'pending_approval';
      readonly code?: string;
      readonly actionId?: string;
    }
  | { readonly type: 'approval'; readonly actionId: string; readonly status: ApprovalStatus }
  | {
      readonly type: 'knowledge';
      readonly given?: readonly { documentId: string; version: number; title: string }[];
      readonly withdrawn?: readonly {
        documentId: string;
        version: number;
        title: string;
        reason: string;
      }[];
    }
  | { readonly type: 'warning'; readonly reason: string }
  | { readonly type: 'ended'; readonly state: 'ended' | 'revoked'; readonly reason: string };

export type ApprovalStatus =
  | 'pending'
  | 'approved'
  | 'rejected'
  | 'expired'
  | 'escalated'
  | 'cancelled'
  | 'executed'
  | 'failed'
  | 'delivered'
  | 'rolled_back';

/** Approval and action entries (subject: the action) → the status the page shows. */
const APPROVAL_STATUS: Readonly<Record<string, ApprovalStatus>> = {
  'approval.requested': 'pending',
  'approval.approved': 'approved',
  'approval.rejected': 'rejected',
  'approval.expired': 'expired',
  'approval.escalated': 'escalated',
  'approval.cancelled': 'cancelled',
  'action.executed': 'executed',
  'action.failed': 'failed',
  'action.delivered': 'delivered',
  'action.rolled_back': 'rolled_back',
};

const TOOL_OUTCOME = {
  'tool.executed': 'executed',
  'tool.refused': 'refused',
  'tool.failed': 'failed',
  'tool.approval_requested': 'pending_approval',
} as const;

/**
 * The page's view of one audit entry about its session or one of its actions, or undefined for
 * what the page has no business seeing. Only the named fields leave: never arguments, digests,
 * actors or another entry's data.
 */
export function sessionEventOf(entry: AuditEntry): SessionEvent | undefined {
  const data = entry.data;
  const str = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
  if (entry.action === 'session.connected' || entry.action === 'session.bound')
    return { type: 'state', state: 'active' };
  if (entry.action === 'session.ended' || entry.action === 'session.revoked')
    return {
      type: 'ended',
      state: entry.action === 'session.revoked' ? 'revoked' : 'ended',
      reason: str('reason') ?? 'ended',
    };
  if (entry.action === 'session.budget_warning' || entry.action === 'session.costly_tools_disabled')
    return { type: 'warning', reason: entry.action.slice('session.'.length) };
  if (entry.action in TOOL_OUTCOME)
    return {
      type: 'tool',
      tool: str('tool') ?? '',
      toolCallId: str('toolCallId') ?? null,
      outcome: TOOL_OUTCOME[entry.action as keyof typeof TOOL_OUTCOME],
      ...(str('code') ? { code: str('code') } : {}),
      ...(entry.action === 'tool.approval_requested' && str('actionId')
        ? { actionId: str('actionId') }
        : {}),
    };
  const status = APPROVAL_STATUS[entry.action];
  if (status) return { type: 'approval', actionId: entry.subject, status };
  if (entry.action === 'grounding.given')
    return { type: 'knowledge', given: citationsOf(data.chunks) };
  if (entry.action === 'grounding.withdrawn')
    return {
      type: 'knowledge',
      withdrawn: (Array.isArray(data.versions)
        ? (data.versions as Record<string, unknown>[])
        : []
      ).map((v) => ({
        documentId: String(v.documentId ?? ''),
        version: Number(v.version),
        title: String(v.title ?? ''),
        reason: String(v.reason ?? 'withdrawn'),
      })),
    };
  return undefined;
}

/** The distinct document versions of a list of chunks or versions. */
function citationsOf(list: unknown): { documentId: string; version: number; title: string }[] {
  const seen = new Map<string, { documentId: string; version: number; title: string }>();
  for (const c of Array.isArray(list) ? (list as Record<string, unknown>[]) : []) {
    const documentId = String(c.documentId ?? '');
    const version = Number(c.version);
    seen.set(`${documentId}:${version}`, { documentId, version, title: String(c.title ?? '') });
  }
  return [...seen.values()];
}
