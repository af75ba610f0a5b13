/** Operators' API keys: only the SHA-256 of a key is stored, never the key. */ export class CreateApiKeys1795611000000 {
    async up(queryRunner) {
        await queryRunner.query(`
      CREATE TABLE api_keys (
        id           text PRIMARY KEY,
        name         text NOT NULL,
        prefix       text NOT NULL,
        key_hash     bytea NOT NULL UNIQUE,
        roles        text[] NOT NULL,
        created_by   text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at   timestamptz
      )`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP TABLE api_keys`);
    }
    constructor(){
        this.name = 'CreateApiKeys1795611000000';
    }
}

//# sourceMappingURL=1795611000000-CreateApiKeys.js.map