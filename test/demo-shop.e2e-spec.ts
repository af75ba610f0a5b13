import { DataSource } from 'typeorm';

import { migrations } from '../migrations/index.js';
import { runAllMigrations, undoLastChainMigration } from '../src/database/migration-chain.js';
import { ApiKeysService } from '../src/modules/identity/index.js';
import { DEMO_MIGRATION_CHAIN, demoMigrations } from '../src/tools/migrations/index.js';
import { SessionClient } from './support/session-client.js';
import { freshSchema, startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';

/**
 * The demo shop seeds itself through its own migration chain (recorded in `demo_migrations`),
 * after the product's, and only while SWITCHBOARD_DEMO is on.
 */

const DEMO_TABLES = ['demo_callbacks', 'demo_customers', 'demo_orders', 'demo_refunds'];
const PRODUCT = migrations.map((m) => m.name);
const DEMO = demoMigrations.map((m) => m.name);

async function ready(sut: TestApp): Promise<{ status: number; pendingMigrations: number }> {
  const res = await fetch(`${sut.url}/ready`);
  const body = (await res.json()) as { pendingMigrations: number };
  return { status: res.status, pendingMigrations: body.pendingMigrations };
}

/** The schema's tables whose name starts with `demo_`. */
async function demoTables(sut: TestApp): Promise<string[]> {
  const rows = await sut.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = $1 AND table_name LIKE 'demo\\_%' ORDER BY table_name`,
    [sut.schema],
  );
  return rows.map((row) => row.table_name);
}

async function applied(sut: TestApp, table: 'migrations' | 'demo_migrations'): Promise<string[]> {
  const rows = await sut.query<{ name: string }>(
    `SELECT name FROM "${sut.schema}"."${table}" ORDER BY id`,
  );
  return rows.map((row) => row.name);
}

async function seed(sut: TestApp): Promise<{ customers: string[]; orders: string[] }> {
  const customers = await sut.query<{ id: string }>(`SELECT id FROM demo_customers ORDER BY id`);
  const orders = await sut.query<{ number: string }>(
    `SELECT number FROM demo_orders ORDER BY number`,
  );
  return { customers: customers.map((c) => c.id), orders: orders.map((o) => o.number) };
}

const SEED = {
  customers: ['cus_alice', 'cus_bob', 'cus_carol'],
  orders: ['10042', '10043', '20001', '30001'],
};

describe('demo shop: on (the default)', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await startTestApp();
  });
  afterAll(() => sut.close());

  it('creates and seeds its tables, recorded in demo_migrations and not in migrations', async () => {
    expect(await demoTables(sut)).toEqual([...DEMO_TABLES, 'demo_migrations'].sort());
    expect(await seed(sut)).toEqual(SEED);
    expect(await applied(sut, 'demo_migrations')).toEqual(DEMO);
    expect(await applied(sut, 'migrations')).toEqual(PRODUCT);
    expect(await ready(sut)).toEqual({ status: 200, pendingMigrations: 0 });
  });

  it('reverts its chain cleanly (not ready meanwhile), then applies it again', async () => {
    const dataSource = sut.app.get(DataSource);
    for (let i = 0; i < demoMigrations.length; i++)
      await undoLastChainMigration(dataSource, DEMO_MIGRATION_CHAIN);
    expect(await demoTables(sut)).toEqual(['demo_migrations']);
    expect(await applied(sut, 'demo_migrations')).toEqual([]);
    expect(await ready(sut)).toEqual({ status: 503, pendingMigrations: demoMigrations.length });

    await runAllMigrations(dataSource, [DEMO_MIGRATION_CHAIN]);
    expect(await seed(sut)).toEqual(SEED);
    expect(await applied(sut, 'migrations')).toEqual(PRODUCT);
    expect(await ready(sut)).toEqual({ status: 200, pendingMigrations: 0 });
  });
});

describe('demo shop: SWITCHBOARD_DEMO=false', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await startTestApp({ env: { ...JWT_ENV, SWITCHBOARD_DEMO: 'false' } });
  });
  afterAll(() => sut.close());

  it('boots ready, with no demo table and only the product migrations', async () => {
    expect(await ready(sut)).toEqual({ status: 200, pendingMigrations: 0 });
    expect(await demoTables(sut)).toEqual([]);
    expect(await applied(sut, 'migrations')).toEqual(PRODUCT);
  });

  it('registers no demo tool, only the built-in search_knowledge, which no role may call', async () => {
    const { key } = await sut.app.get(ApiKeysService).create('admin', ['admin'], 'system');
    const admin = await fetch(`${sut.url}/v1/admin/tools`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(admin.status).toBe(200);
    const tools = (await admin.json()) as { name: string; roles: string[] }[];
    expect(tools.map((t) => [t.name, t.roles])).toEqual([['search_knowledge', []]]);
    const agent = await SessionClient.as(sut, 'dave', ['agent']);
    expect(await (await agent.request('/v1/tools')).json()).toEqual([]);
  });
});

describe('demo shop: a database migrated while the demo was in the product chain', () => {
  // Shared by the apps below; none of them owns it, so the last test drops it.
  const schema = freshSchema();
  let sut: TestApp;

  afterAll(async () => {
    await sut?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await sut?.close();
  });

  it('starts from the old state: demo tables, data and a CreateDemoDomain record', async () => {
    sut = await startTestApp({ schema, env: { SWITCHBOARD_RUN_MIGRATIONS: 'false' } });
    const dataSource = sut.app.get(DataSource);
    await dataSource.runMigrations({ transaction: 'each' });
    // Migrations that landed after the hand-over did not exist yet in that old state.
    const last = async () =>
      (await sut.query<{ name: string }>(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`))[0]
        .name;
    while ((await last()) !== 'HandOverDemoDomain1796172500000')
      await dataSource.undoLastMigration({ transaction: 'each' });
    // Before the hand-over: its row gone (its up and down change nothing on a fresh database),
    // the tables as the landed CreateDemoDomain1795617000000 made them (same DDL and seed), and
    // its record, which the code no longer lists.
    await sut.query(`DELETE FROM migrations WHERE name = 'HandOverDemoDomain1796172500000'`);
    const runner = dataSource.createQueryRunner();
    try {
      await new demoMigrations[0]().up(runner);
    } finally {
      await runner.release();
    }
    await sut.query(
      `INSERT INTO migrations (timestamp, name) VALUES (1795617000000, 'CreateDemoDomain1795617000000')`,
    );
    await sut.query(
      `UPDATE demo_customers SET email = 'alice@changed.example' WHERE id = 'cus_alice'`,
    );
    await sut.query(
      `INSERT INTO demo_refunds (id, order_number, amount_usd, reason, created_by)
       VALUES ('ref_old', '10042', 5, 'old', 'alice')`,
    );
    await sut.close();
  });

  it('boots with the demo off: forgets the old record, leaves the tables and rows alone', async () => {
    sut = await startTestApp({ schema, env: { SWITCHBOARD_DEMO: 'false' } });
    expect(await ready(sut)).toEqual({ status: 200, pendingMigrations: 0 });
    expect(await applied(sut, 'migrations')).toEqual(PRODUCT);
    expect(await demoTables(sut)).toEqual(DEMO_TABLES);
    await sut.close();
  });

  it('boots with the demo on: the demo migration adopts the tables and changes nothing', async () => {
    sut = await startTestApp({ schema });
    expect(await ready(sut)).toEqual({ status: 200, pendingMigrations: 0 });
    expect(await applied(sut, 'demo_migrations')).toEqual(DEMO);
    expect(await applied(sut, 'migrations')).toEqual(PRODUCT);
    expect(await seed(sut)).toEqual(SEED);
    expect(await sut.query(`SELECT email FROM demo_customers WHERE id = 'cus_alice'`)).toEqual([
      { email: 'alice@changed.example' },
    ]);
    expect(await sut.query(`SELECT id FROM demo_refunds`)).toEqual([{ id: 'ref_old' }]);
  });

  it('reverts the whole product chain, past where the old record was', async () => {
    const dataSource = sut.app.get(DataSource);
    for (let i = 0; i < migrations.length; i++)
      await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await applied(sut, 'migrations')).toEqual([]);
    await runAllMigrations(dataSource, [DEMO_MIGRATION_CHAIN]);
    expect(await ready(sut)).toEqual({ status: 200, pendingMigrations: 0 });
  });
});
