/**
 * The demo shop's tables left this chain: `CreateDemoDomain1795617000000` is no longer in the code
 * and the demo's own chain (`src/tools/migrations`, recorded in `demo_migrations`) creates or
 * adopts them. This forgets the old record, which TypeORM would otherwise trip on when reverting
 * past it ("No migration … was found in the source code"). The tables and their rows stay: with
 * the demo off they are left alone, not dropped.
 */ export class HandOverDemoDomain1796172500000 {
    async up(queryRunner) {
        const table = queryRunner.connection.options.migrationsTableName ?? 'migrations';
        await queryRunner.query(`DELETE FROM "${table}" WHERE name = 'CreateDemoDomain1795617000000'`);
    }
    async down() {
    // Nothing to restore: the record named a migration the code no longer has.
    }
    constructor(){
        this.name = 'HandOverDemoDomain1796172500000';
    }
}

//# sourceMappingURL=1796172500000-HandOverDemoDomain.js.map