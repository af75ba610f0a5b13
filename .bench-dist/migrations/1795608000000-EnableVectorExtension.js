/** pgvector backs knowledge retrieval; every later migration may use the `vector` type. */ export class EnableVectorExtension1795608000000 {
    async up(queryRunner) {
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS vector`);
    }
    async down(queryRunner) {
        // Drop it only when it lives in our own schema: installed elsewhere (e.g. in `public` while
        // Switchboard runs in DATABASE_SCHEMA), other schemas may depend on it.
        await queryRunner.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_extension
                   WHERE extname = 'vector' AND extnamespace = current_schema()::regnamespace) THEN
          DROP EXTENSION vector;
        END IF;
      END $$`);
    }
    constructor(){
        this.name = 'EnableVectorExtension1795608000000';
    }
}

//# sourceMappingURL=1795608000000-EnableVectorExtension.js.map