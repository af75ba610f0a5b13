/** Metered usage and its price, per session, accumulated from `response.done` events. */ export class AddSessionCost1795613000000 {
    async up(queryRunner) {
        await queryRunner.query(`ALTER TABLE sessions ADD COLUMN cost_usd numeric(14, 6) NOT NULL DEFAULT 0`);
        await queryRunner.query(`ALTER TABLE sessions ADD COLUMN usage jsonb NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE sessions ADD COLUMN budget_warned boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`CREATE INDEX sessions_user_day_idx ON sessions (user_id, created_at)`);
        await queryRunner.query(`CREATE INDEX sessions_tenant_month_idx ON sessions (tenant_id, created_at)`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP INDEX sessions_tenant_month_idx`);
        await queryRunner.query(`DROP INDEX sessions_user_day_idx`);
        await queryRunner.query(`ALTER TABLE sessions DROP COLUMN budget_warned`);
        await queryRunner.query(`ALTER TABLE sessions DROP COLUMN usage`);
        await queryRunner.query(`ALTER TABLE sessions DROP COLUMN cost_usd`);
    }
    constructor(){
        this.name = 'AddSessionCost1795613000000';
    }
}

//# sourceMappingURL=1795613000000-AddSessionCost.js.map