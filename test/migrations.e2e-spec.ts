import { migrations } from '../migrations/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Runs against the worker's database: embedded PGlite by default, PostgreSQL under test:pg. */
describe('migrations', () => {
  let sut: TestApp;

  beforeAll(async () => {
    // The product's chain alone: the demo shop's own chain is covered by demo-shop.e2e-spec.ts.
    sut = await startTestApp({
      env: { SWITCHBOARD_RUN_MIGRATIONS: 'false', SWITCHBOARD_DEMO: 'false' },
    });
  });
  afterAll(() => sut.close());

  const ready = async () => {
    const res = await fetch(`${sut.url}/ready`);
    return {
      status: res.status,
      body: (await res.json()) as { pendingMigrations: number; status: string },
    };
  };
  const applied = () =>
    sut.query<{ name: string }>(`SELECT name FROM "${sut.schema}".migrations ORDER BY id`);

  it('reports pending migrations as not ready when automatic migration is off', async () => {
    expect(await ready()).toEqual({
      status: 503,
      body: expect.objectContaining({
        status: 'unavailable',
        pendingMigrations: migrations.length,
      }),
    });
  });

  it('applies every migration, in order, and is then ready', async () => {
    const dataSource = sut.app.get((await import('typeorm')).DataSource);
    await dataSource.runMigrations({ transaction: 'each' });
    expect((await applied()).map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    expect(await ready()).toEqual({
      status: 200,
      body: expect.objectContaining({ pendingMigrations: 0 }),
    });
  });

  it('reverts every migration cleanly, then applies them again', async () => {
    const dataSource = sut.app.get((await import('typeorm')).DataSource);
    for (let i = 0; i < migrations.length; i++)
      await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await applied()).toEqual([]);
    const leftovers = await sut.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations'`,
      [sut.schema],
    );
    expect(leftovers).toEqual([]);
    await dataSource.runMigrations({ transaction: 'each' });
    expect((await ready()).body.pendingMigrations).toBe(0);
  });
});
