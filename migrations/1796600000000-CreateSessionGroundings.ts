import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What knowledge each live session was given: one row per block of retrieved text put into a
 * call (an injection before a response, or a `search_knowledge` result), with the chunks and
 * versions it held and a digest of the exact text. A row stands until the text is withdrawn
 * (superseded, retracted, expired, no longer readable), when the call is told and the row says
 * why. The audit chain holds the same facts; this table is what the live path queries.
 */
export class CreateSessionGroundings1796600000000 implements MigrationInterface {
  name = 'CreateSessionGroundings1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE session_groundings (
        id               text PRIMARY KEY,
        session_id       text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        call_id          text NOT NULL,
        kind             text NOT NULL CHECK (kind IN ('injection', 'tool_result')),
        mode             text,
        turn_id          text NOT NULL,
        item_id          text,
        query_text       text NOT NULL,
        chunks           jsonb NOT NULL,
        digest           text NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        withdrawn_at     timestamptz,
        withdrawn        jsonb
      )`);
    await queryRunner.query(
      `CREATE INDEX session_groundings_session ON session_groundings (session_id, created_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX session_groundings_standing ON session_groundings (call_id)
       WHERE withdrawn_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE session_groundings`);
  }
}
