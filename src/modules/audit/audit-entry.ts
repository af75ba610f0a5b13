/** Who did something: an app user, an operator's API key, or Switchboard itself. */
export type AuditActor = `user:${string}` | `api-key:${string}` | 'system';

/** What callers hand to `AuditLog.append`. */
export interface AuditRecord {
  readonly actor: AuditActor;
  /** `resource.verb`, e.g. `session.opened`, `session.tamper_detected`. */
  readonly action: string;
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
