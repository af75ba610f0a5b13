/**
 * One row per distinct tool call a session made (the model's `call_id`): the idempotency record
 * (a repeated call gets the stored output), the rate-limit window, and whether the output has
 * been sent to the model yet. Sessions gain the "costly tools off" switch and per-turn own time.
 */ export class CreateToolCalls1795616000000 {
    async up(queryRunner) {
        await queryRunner.query(`
      CREATE TABLE tool_calls (
        id               text PRIMARY KEY,
        session_id       text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        tool_call_id     text NOT NULL,
        tool             text NOT NULL,
        user_id          text NOT NULL,
        tenant_id        text,
        arguments_digest text NOT NULL,
        arguments        jsonb,
        status           text NOT NULL
          CHECK (status IN ('running', 'succeeded', 'failed', 'pending_approval')),
        output           jsonb,
        error_status     integer,
        duration_ms      integer,
        created_at       timestamptz NOT NULL DEFAULT now(),
        finished_at      timestamptz,
        output_sent_at   timestamptz,
        rollback_status  text CHECK (rollback_status IN ('rolling_back', 'rolled_back', 'rollback_failed')),
        rollback_reason  text,
        rollback_requested_by text,
        rollback_result  jsonb,
        rolled_back_at   timestamptz,
        CONSTRAINT tool_calls_session_call_key UNIQUE (session_id, tool_call_id)
      )`);
        await queryRunner.query(`CREATE INDEX tool_calls_session_window_idx ON tool_calls (session_id, tool, created_at)`);
        await queryRunner.query(`CREATE INDEX tool_calls_user_window_idx ON tool_calls (user_id, tool, created_at)`);
        await queryRunner.query(`
      ALTER TABLE sessions
        ADD COLUMN costly_tools_disabled boolean NOT NULL DEFAULT false,
        ADD COLUMN turn_own_ms integer[] NOT NULL DEFAULT '{}'`);
    }
    async down(queryRunner) {
        await queryRunner.query(`ALTER TABLE sessions DROP COLUMN costly_tools_disabled, DROP COLUMN turn_own_ms`);
        await queryRunner.query(`DROP TABLE tool_calls`);
    }
    constructor(){
        this.name = 'CreateToolCalls1795616000000';
    }
}

//# sourceMappingURL=1795616000000-CreateToolCalls.js.map