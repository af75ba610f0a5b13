/** The most recent turn latencies of a session (end of speech → first response output), in ms. */ export class AddSessionTurnLatencies1795614000000 {
    async up(queryRunner) {
        await queryRunner.query(`ALTER TABLE sessions ADD COLUMN turn_latencies_ms integer[] NOT NULL DEFAULT '{}'`);
    }
    async down(queryRunner) {
        await queryRunner.query(`ALTER TABLE sessions DROP COLUMN turn_latencies_ms`);
    }
    constructor(){
        this.name = 'AddSessionTurnLatencies1795614000000';
    }
}

//# sourceMappingURL=1795614000000-AddSessionTurnLatencies.js.map