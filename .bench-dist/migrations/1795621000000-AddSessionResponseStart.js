/**
 * Who starts the model's responses in a session: `vad` (OpenAI's turn detection, and the page may
 * too) or `server` (only Switchboard; any response it did not start is cancelled). Kept per
 * session, so a profile edit never changes a call that is already running.
 */ export class AddSessionResponseStart1795621000000 {
    async up(queryRunner) {
        await queryRunner.query(`ALTER TABLE sessions ADD COLUMN response_start text NOT NULL DEFAULT 'vad'
         CHECK (response_start IN ('vad', 'server'))`);
    }
    async down(queryRunner) {
        await queryRunner.query(`ALTER TABLE sessions DROP COLUMN response_start`);
    }
    constructor(){
        this.name = 'AddSessionResponseStart1795621000000';
    }
}

//# sourceMappingURL=1795621000000-AddSessionResponseStart.js.map