/** Realtime sessions Switchboard opened: who, with which config and limits, bound to which call. */ export class CreateSessions1795612000000 {
    async up(queryRunner) {
        await queryRunner.query(`
      CREATE TABLE sessions (
        id                       text PRIMARY KEY,
        user_id                  text NOT NULL,
        tenant_id                text,
        roles                    text[] NOT NULL,
        agent                    text NOT NULL,
        mode                     text NOT NULL CHECK (mode IN ('proxy', 'ephemeral')),
        state                    text NOT NULL CHECK (state IN ('created', 'connecting', 'active', 'ended', 'revoked')),
        end_reason               text,
        call_id                  text UNIQUE,
        config                   jsonb NOT NULL,
        limits                   jsonb NOT NULL,
        created_at               timestamptz NOT NULL DEFAULT now(),
        connect_by               timestamptz NOT NULL,
        expires_at               timestamptz NOT NULL,
        connected_at             timestamptz,
        ended_at                 timestamptz,
        client_secret_expires_at timestamptz
      )`);
        await queryRunner.query(`CREATE INDEX sessions_live_idx ON sessions (user_id, tenant_id) WHERE state IN ('created', 'connecting', 'active')`);
        await queryRunner.query(`CREATE INDEX sessions_created_idx ON sessions (created_at, id)`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP TABLE sessions`);
    }
    constructor(){
        this.name = 'CreateSessions1795612000000';
    }
}

//# sourceMappingURL=1795612000000-CreateSessions.js.map