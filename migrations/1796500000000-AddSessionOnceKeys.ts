import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a session has already done once, by key (`charge:<backend response id>`,
 * `delegation:<id>`, …), newest last and bounded. GPT-Live replays a short history of events to
 * every sideband that attaches, also to a replica that takes a session over and remembers
 * nothing: a key claimed here, in the same statement as the work it guards, keeps a replayed
 * event from being charged, handled or audited twice.
 */
export class AddSessionOnceKeys1796500000000 implements MigrationInterface {
  name = 'AddSessionOnceKeys1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE sessions ADD COLUMN once_keys jsonb NOT NULL DEFAULT '[]'::jsonb`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sessions DROP COLUMN once_keys`);
  }
}
