/**
 * The approval queue: one row per tool call that waits for people, with the exact arguments (to
 * execute), a redacted copy (to show), their digest (what an approver must quote), the policy
 * that applied, and the execution lease a worker holds. Decisions are rows of their own, one per
 * approver, so four-eyes approval counts distinct people.
 */ export class CreateApprovals1795618000000 {
    async up(queryRunner) {
        await queryRunner.query(`
      CREATE TABLE pending_actions (
        id                 text PRIMARY KEY,
        tool               text NOT NULL,
        session_id         text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        tool_call_id       text NOT NULL,
        requester          text NOT NULL,
        requester_roles    text[] NOT NULL,
        tenant_id          text,
        arguments          jsonb NOT NULL,
        display_arguments  jsonb NOT NULL,
        digest             text NOT NULL,
        policy             text NOT NULL,
        approver_roles     text[] NOT NULL,
        approvals_required integer NOT NULL CHECK (approvals_required >= 1),
        on_timeout         text NOT NULL CHECK (on_timeout IN ('reject', 'escalate')),
        escalate_to        text[] NOT NULL,
        escalated          boolean NOT NULL DEFAULT false,
        status             text NOT NULL DEFAULT 'pending' CHECK (status IN (
          'pending', 'approved', 'executing', 'executed', 'failed',
          'rejected', 'expired', 'cancelled', 'rolled_back', 'rollback_failed', 'rolling_back')),
        status_reason      text,
        created_at         timestamptz NOT NULL DEFAULT now(),
        expires_at         timestamptz NOT NULL,
        decided_at         timestamptz,
        claimed_by         text,
        lease_expires_at   timestamptz,
        attempts           integer NOT NULL DEFAULT 0,
        executed_at        timestamptz,
        result             jsonb,
        error              jsonb,
        delivered_at       timestamptz,
        rollback_reason    text,
        rollback_requested_by text,
        rollback_result    jsonb,
        rolled_back_at     timestamptz,
        CONSTRAINT pending_actions_call_key UNIQUE (session_id, tool_call_id)
      )`);
        await queryRunner.query(`CREATE INDEX pending_actions_status_idx ON pending_actions (status, created_at, id)`);
        await queryRunner.query(`
      CREATE TABLE action_decisions (
        action_id text NOT NULL REFERENCES pending_actions (id) ON DELETE CASCADE,
        approver  text NOT NULL,
        decision  text NOT NULL CHECK (decision IN ('approve', 'reject')),
        digest    text,
        comment   text,
        at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (action_id, approver)
      )`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP TABLE action_decisions, pending_actions`);
    }
    constructor(){
        this.name = 'CreateApprovals1795618000000';
    }
}

//# sourceMappingURL=1795618000000-CreateApprovals.js.map