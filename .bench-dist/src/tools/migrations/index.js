/**
 * The demo shop's migrations, oldest first. They are not the product's: they run after it, only
 * while the demo is on (SWITCHBOARD_DEMO), and are recorded in `demo_migrations`, so the product's
 * `migrations` table never names a demo table. Add one by hand: `<epochMs>-PascalCaseVerbNoun.ts`
 * here, listed below (`npm run migration:create` writes to `migrations/`, the product's chain).
 */ import { CreateDemoShop1796172600000 } from './1796172600000-CreateDemoShop.js';
export const demoMigrations = [
    CreateDemoShop1796172600000
];
export const DEMO_MIGRATION_CHAIN = {
    tableName: 'demo_migrations',
    migrations: demoMigrations
};

//# sourceMappingURL=index.js.map