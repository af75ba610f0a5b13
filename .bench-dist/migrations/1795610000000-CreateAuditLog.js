/**
 * The append-only, hash-chained audit log. Triggers refuse UPDATE, DELETE and TRUNCATE, so even
 * Switchboard's own database user cannot rewrite history through SQL it sends by mistake.
 */ export class CreateAuditLog1795610000000 {
    async up(queryRunner) {
        await queryRunner.query(`
      CREATE TABLE audit_log (
        seq       bigint PRIMARY KEY,
        at        timestamptz NOT NULL,
        actor     text NOT NULL,
        action    text NOT NULL,
        subject   text NOT NULL,
        data      jsonb NOT NULL,
        prev_hash text NOT NULL,
        hash      text NOT NULL UNIQUE
      )`);
        await queryRunner.query(`CREATE INDEX audit_log_subject_idx ON audit_log (subject, seq)`);
        await queryRunner.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, seq)`);
        await queryRunner.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
        await queryRunner.query(`
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
        await queryRunner.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP TABLE audit_log`);
        await queryRunner.query(`DROP FUNCTION audit_log_refuse_change()`);
    }
    constructor(){
        this.name = 'CreateAuditLog1795610000000';
    }
}

//# sourceMappingURL=1795610000000-CreateAuditLog.js.map