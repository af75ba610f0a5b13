/** Which replica owns each live call's sideband; an expired lease may be taken over. */ export class CreateSidebandLeases1795615000000 {
    async up(queryRunner) {
        await queryRunner.query(`
      CREATE TABLE sideband_leases (
        call_id    text PRIMARY KEY,
        session_id text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        owner      text NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
        await queryRunner.query(`CREATE INDEX sideband_leases_expiry_idx ON sideband_leases (expires_at)`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP TABLE sideband_leases`);
    }
    constructor(){
        this.name = 'CreateSidebandLeases1795615000000';
    }
}

//# sourceMappingURL=1795615000000-CreateSidebandLeases.js.map