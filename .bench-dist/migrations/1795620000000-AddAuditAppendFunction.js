/**
 * One round trip per audit append: `audit_append` takes the chain lock, reads the head, hashes and
 * inserts inside the database. The hash is the same `sha256(prevHash ‖ canonical JSON)` the
 * application and the offline verifier compute: the caller passes `data` already canonicalised
 * (RFC 8785), and the other members are strings and an integer, whose JSON forms PostgreSQL
 * writes exactly as RFC 8785 does (to_json escapes the same characters the same way), in the
 * canonical key order: action, actor, at, data, seq, subject.
 */ export class AddAuditAppendFunction1795620000000 {
    async up(queryRunner) {
        await queryRunner.query(`
      CREATE FUNCTION audit_append(p_at text, p_actor text, p_action text, p_subject text,
                                   p_data jsonb, p_data_canonical text)
      RETURNS TABLE (seq bigint, prev_hash text, hash text)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_seq bigint;
        v_prev text;
        v_hash text;
      BEGIN
        PERFORM pg_advisory_xact_lock(7240001);
        SELECT a.seq, a.hash INTO v_seq, v_prev FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
        v_seq := coalesce(v_seq, 0) + 1;
        v_prev := coalesce(v_prev, repeat('0', 64));
        v_hash := encode(sha256(convert_to(v_prev ||
          '{"action":' || to_json(p_action)::text ||
          ',"actor":' || to_json(p_actor)::text ||
          ',"at":' || to_json(p_at)::text ||
          ',"data":' || p_data_canonical ||
          ',"seq":' || v_seq::text ||
          ',"subject":' || to_json(p_subject)::text || '}', 'UTF8')), 'hex');
        INSERT INTO audit_log (seq, at, actor, action, subject, data, prev_hash, hash)
        VALUES (v_seq, p_at::timestamptz, p_actor, p_action, p_subject, p_data, v_prev, v_hash);
        RETURN QUERY SELECT v_seq, v_prev, v_hash;
      END
      $fn$`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP FUNCTION audit_append(text, text, text, text, jsonb, text)`);
    }
    constructor(){
        this.name = 'AddAuditAppendFunction1795620000000';
    }
}

//# sourceMappingURL=1795620000000-AddAuditAppendFunction.js.map