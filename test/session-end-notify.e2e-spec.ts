import pg from 'pg';

import { SidebandConnections } from '../src/modules/realtime/sideband-connections.js';
import { DatabaseNotifications } from '../src/database/database-notifications.js';
import { SessionsService } from '../src/modules/sessions/sessions.service.js';
import { startSimulator, type Simulator } from '../src/simulator/index.js';
import { eventually, SessionClient } from './support/session-client.js';
import { freshSchema, startTestApp, testDatabaseUrl, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';
import { WeriftBrowser } from './support/werift-browser.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres)
  process.stderr.write(
    '\nSKIPPED session-end NOTIFY tests: the embedded database is single-process (npm run test:pg runs them)\n',
  );
const describeOnPostgres = onPostgres ? describe : describe.skip;

/**
 * Revocation reaches the replica that owns the sideband through LISTEN/NOTIFY: ending a session
 * anywhere notifies on commit, and the owner releases its sideband and timers at once (not at
 * its next lease renewal).
 */
describeOnPostgres('sessions: session end reaches every replica (LISTEN/NOTIFY)', () => {
  let upstream: Simulator;
  let owner: TestApp;
  let other: TestApp;

  beforeAll(async () => {
    upstream = await startSimulator({ apiKey: 'sk-upstream-notify-test', inspection: true });
    const env = {
      ...JWT_ENV,
      OPENAI_API_KEY: 'sk-upstream-notify-test',
      OPENAI_BASE_URL: `${upstream.url}/v1`,
      // Long leases: a prompt release cannot be the renewal noticing the deleted lease.
      SWITCHBOARD_SIDEBAND_LEASE_SECONDS: '120',
    };
    const schema = freshSchema();
    owner = await startTestApp({ env, schema });
    other = await startTestApp({ env, schema });
  });
  afterAll(async () => {
    await other.query(`DROP SCHEMA "${other.schema}" CASCADE`);
    await other.close();
    await owner.close();
    await upstream.close();
  });

  it('notifies on commit when a session ends', async () => {
    const listener = new pg.Client({ connectionString: testDatabaseUrl() });
    await listener.connect();
    const notices: string[] = [];
    listener.on('notification', ({ payload }) => notices.push(payload ?? ''));
    await listener.query(
      `LISTEN "${other.app.get(DatabaseNotifications).channel('session_ended')}"`,
    );
    try {
      const client = await SessionClient.as(other, 'nina');
      const { id } = await client.open();
      await client.request(`/v1/sessions/${id}`, { method: 'DELETE' });
      const notice = await eventually(async () => notices[0]);
      expect(JSON.parse(notice)).toEqual({ sessionId: id, callId: null });
    } finally {
      await listener.end();
    }
  });

  it('the owning replica releases the sideband as soon as it hears', async () => {
    const client = await SessionClient.as(owner, 'omar');
    const { id } = await client.open();
    const browser = new WeriftBrowser();
    try {
      await browser.accept(await (await client.sdp(id, await browser.offer())).text());
      const callId = (await owner.app.get(SessionsService).getAny(id)).callId!;
      const sidebands = owner.app.get(SidebandConnections);
      await eventually(async () => sidebands.isOpen(callId));
      // Another replica announces the end (the notice alone, so only the listener can react).
      await other.query(`SELECT pg_notify($1, $2)`, [
        other.app.get(DatabaseNotifications).channel('session_ended'),
        JSON.stringify({ sessionId: id, callId }),
      ]);
      await eventually(async () => !sidebands.isWanted(callId));
      expect(owner.logs.containing('released its sideband on this replica')).toHaveLength(1);
    } finally {
      await browser.close();
    }
  }, 30_000);

  it('keeps hearing after its LISTEN connection is killed (it reconnects)', async () => {
    const channel = owner.app.get(DatabaseNotifications).channel('session_ended');
    // Both replicas share the schema, so both listening connections go: neither may stay deaf.
    const killed = await other.query<{ killed: boolean }>(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
       WHERE query LIKE $1 AND pid <> pg_backend_pid()`,
      [`LISTEN "${channel.replace('session_ended', '%')}"%`],
    );
    expect(killed.length).toBeGreaterThan(0);
    const client = await SessionClient.as(owner, 'petra');
    const { id } = await client.open();
    const browser = new WeriftBrowser();
    try {
      await browser.accept(await (await client.sdp(id, await browser.offer())).text());
      const callId = (await owner.app.get(SessionsService).getAny(id)).callId!;
      const sidebands = owner.app.get(SidebandConnections);
      await eventually(async () => sidebands.isOpen(callId));
      // Notices sent before the replacement connection listens are lost; keep announcing.
      await eventually(async () => {
        await other.query(`SELECT pg_notify($1, $2)`, [
          channel,
          JSON.stringify({ sessionId: id, callId }),
        ]);
        await new Promise((resolve) => setTimeout(resolve, 100));
        return !sidebands.isWanted(callId);
      }, 15_000);
      expect(owner.logs.containing('The LISTEN connection dropped').length).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  }, 30_000);
});
