/** What was said in each session, line by line, so approvers can read the context of a request. */ export class CreateSessionTranscripts1795619000000 {
    async up(queryRunner) {
        await queryRunner.query(`
      CREATE TABLE session_transcripts (
        id         bigserial PRIMARY KEY,
        session_id text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        role       text NOT NULL CHECK (role IN ('user', 'assistant')),
        text       text NOT NULL,
        at         timestamptz NOT NULL DEFAULT now()
      )`);
        await queryRunner.query(`CREATE INDEX session_transcripts_session_idx ON session_transcripts (session_id, id)`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP TABLE session_transcripts`);
    }
    constructor(){
        this.name = 'CreateSessionTranscripts1795619000000';
    }
}

//# sourceMappingURL=1795619000000-CreateSessionTranscripts.js.map