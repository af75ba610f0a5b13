import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The most recent turn latencies of a session (end of speech → first response output), in ms. */
export class AddSessionTurnLatencies1795614000000 implements MigrationInterface {
  name = 'AddSessionTurnLatencies1795614000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE sessions ADD COLUMN turn_latencies_ms integer[] NOT NULL DEFAULT '{}'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sessions DROP COLUMN turn_latencies_ms`);
  }
}
