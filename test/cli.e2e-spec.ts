import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { decodeJwt } from 'jose';

import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/config/load-config.js';
import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import { JwtVerifier } from '../src/modules/identity/jwt-verifier.js';
import { LogCapture } from './support/log-capture.js';
import { ProbeModule } from './support/probe.module.js';
import { freshSchema, queryTestDatabase, startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV, TEST_AUDIENCE, TEST_ISSUER } from './support/tokens.js';

const CLI = resolve('dist/src/cli/cli.js');
/**
 * Each CLI run is its own process that opens the embedded database (the first one also migrates
 * it: ~25 s on a loaded 2-core machine), and a test makes four of them plus an app.
 */
const CLI_TEST_TIMEOUT_MS = 180_000;

function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

/**
 * `npm run cli -- api-key …` works on the app's own configuration: the same database (with the
 * embedded one, the same data directory) the app then serves from.
 */
describe('operator CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-cli-'));
  const env: Record<string, string> = process.env.DATABASE_URL
    ? { DATABASE_URL: process.env.DATABASE_URL, DATABASE_SCHEMA: freshSchema(), LOG_LEVEL: 'warn' }
    : { SWITCHBOARD_DATA_DIR: join(dir, 'pglite'), LOG_LEVEL: 'warn' };
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (env.DATABASE_SCHEMA)
      await queryTestDatabase(`DROP SCHEMA "${env.DATABASE_SCHEMA}" CASCADE`);
  });

  it(
    'creates a key (printed alone on the last line), lists it, and the app accepts it',
    async () => {
      const created = await cli(
        ['api-key', 'create', '--name', 'Ops Alice', '--role', 'approver', '--role', 'auditor'],
        env,
      );
      expect(created).toMatchObject({ code: 0, stderr: '' });
      const lines = created.stdout.trim().split('\n');
      const key = lines.at(-1)!;
      expect(key).toMatch(/^sk_sb_[A-Za-z0-9_-]{43}$/);
      const id = /Created (key_\w+)/.exec(created.stdout)?.[1];

      const listed = await cli(['api-key', 'list'], env);
      expect(listed.stdout).toContain(
        `${id}\t${key.slice(0, 12)}…\tapprover,auditor\tactive\tOps Alice`,
      );
      expect(listed.stdout).not.toContain(key);

      const app = await createApp(loadConfig(env), { logDestination: new LogCapture() });
      try {
        const principal = await app.get(ApiKeysService).authenticate(key);
        expect(principal).toMatchObject({ kind: 'api-key', id, roles: ['approver', 'auditor'] });
      } finally {
        await app.close();
      }

      const revoked = await cli(['api-key', 'revoke', id!], env);
      expect([revoked.code, revoked.stderr]).toEqual([0, '']);
      expect((await cli(['api-key', 'list'], env)).stdout).toContain('revoked');
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'migrate applies the product chain and the demo shop chain, even with migrations off at start',
    async () => {
      const own: Record<string, string> = process.env.DATABASE_URL
        ? { ...env, DATABASE_SCHEMA: freshSchema() }
        : { ...env, SWITCHBOARD_DATA_DIR: join(dir, 'pglite-migrate') };
      const off = { ...own, SWITCHBOARD_RUN_MIGRATIONS: 'false' };
      try {
        const first = await cli(['migrate'], off);
        expect([first.code, first.stderr]).toEqual([0, '']);
        expect(first.stdout).toMatch(/^Applied .*CreateDemoShop1796172600000\.\n$/);
        expect((await cli(['migrate'], off)).stdout).toBe('No migration was pending.\n');

        const app = await createApp(loadConfig(off), { logDestination: new LogCapture() });
        try {
          await app.listen(0, '127.0.0.1');
          const ready = await fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/ready`);
          expect(ready.status).toBe(200);
        } finally {
          await app.close();
        }
      } finally {
        if (own.DATABASE_SCHEMA)
          await queryTestDatabase(`DROP SCHEMA "${own.DATABASE_SCHEMA}" CASCADE`);
      }
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it('explains bad usage with exit code 2 and touches nothing', async () => {
    const result = await cli(['api-key', 'create', '--name', 'x', '--role', 'root'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'cli: unknown role "root"; roles: admin, approver, knowledge_editor, auditor',
    );
    expect((await cli(['frobnicate'], env)).code).toBe(2);
  });
});

/**
 * `npm run cli -- token …` signs an app-user token with the app's own secret for curl users: the
 * token alone on stdout, accepted by the app as that user, tenant and roles.
 */
describe('operator CLI: token', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({ imports: [ProbeModule], env: JWT_ENV });
  });
  afterAll(() => sut.close());

  const as = (path: string, token: string) =>
    fetch(`${sut.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  it('prints only the token, which the app accepts as that user, tenant and roles', async () => {
    const printed = await cli(
      ['token', '--user', 'alice', '--tenant', 'acme', '--roles', 'customer,agent'],
      JWT_ENV,
    );
    expect([printed.code, printed.stderr]).toEqual([0, '']);
    expect(printed.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const token = printed.stdout.trim();
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ iss: TEST_ISSUER, aud: TEST_AUDIENCE });
    expect(claims.exp! - claims.iat!).toBe(3600);

    const who = await as('/probe/auth/user', token);
    expect(who.status).toBe(200);
    expect(await who.json()).toEqual({
      kind: 'user',
      id: 'alice',
      tenantId: 'acme',
      roles: ['customer', 'agent'],
    });
    expect((await as('/probe/auth/agent', token)).status).toBe(200);
  });

  it('signs the roles a product route then reads (GET /v1/tools as a customer)', async () => {
    const printed = await cli(
      ['token', '--user', 'bob', '--tenant', 'acme', '--roles', 'customer', '--expires-in', '15m'],
      JWT_ENV,
    );
    expect([printed.code, printed.stderr]).toEqual([0, '']);
    const token = printed.stdout.trim();
    const claims = decodeJwt(token);
    expect(claims.exp! - claims.iat!).toBe(900);
    const tools = await as('/v1/tools', token);
    expect(tools.status).toBe(200);
    expect(((await tools.json()) as { name: string }[]).map((t) => t.name)).toEqual([
      'lookup_order',
      'schedule_callback',
      'search_knowledge',
    ]);
    expect((await as('/probe/auth/agent', token)).status).toBe(403);
  });

  it('uses the configured claim names, as the verifier of the same configuration reads them', async () => {
    const env = {
      ...JWT_ENV,
      SWITCHBOARD_JWT_USER_CLAIM: 'uid',
      SWITCHBOARD_JWT_TENANT_CLAIM: 'org',
      SWITCHBOARD_JWT_ROLES_CLAIM: 'https://switchboard.test/roles',
    };
    const printed = await cli(
      ['token', '--user', 'u_7', '--tenant', 'globex', '--roles', 'agent'],
      env,
    );
    expect([printed.code, printed.stderr]).toEqual([0, '']);
    const token = printed.stdout.trim();
    expect(decodeJwt(token)).toMatchObject({
      uid: 'u_7',
      org: 'globex',
      'https://switchboard.test/roles': ['agent'],
    });
    expect(await new JwtVerifier(loadConfig(env)).verify(token)).toEqual({
      kind: 'user',
      id: 'u_7',
      tenantId: 'globex',
      roles: ['agent'],
    });
  });

  it.each([
    [
      'without a secret, when a JWKS provider issues the tokens',
      ['--user', 'alice'],
      { SWITCHBOARD_JWT_JWKS_URL: 'https://idp.example.test/.well-known/jwks.json' },
      'tokens of a JWKS identity provider are issued by it, not by Switchboard',
    ],
    ['without any secret', ['--user', 'alice'], {}, 'no SWITCHBOARD_JWT_SECRET is configured'],
    ['without --user', ['--tenant', 'acme'], JWT_ENV, 'token needs --user <id>'],
    ['a bad expiry', ['--user', 'a', '--expires-in', 'soon'], JWT_ENV, 'is not a time span'],
    ['more than 24 h', ['--user', 'a', '--expires-in', '2d'], JWT_ENV, 'is more than 24 hours'],
    ['an odd role', ['--user', 'a', '--roles', 'customer;admin'], JWT_ENV, 'role "customer;admin"'],
    ['--role (the api-key spelling)', ['--user', 'a', '--role', 'agent'], JWT_ENV, 'not --role'],
  ])(
    'refuses (exit 2, the reason on stderr, nothing on stdout) %s',
    async (_, args, env, reason) => {
      const refused = await cli(['token', ...args], env);
      expect(refused).toMatchObject({ code: 2, stdout: '' });
      expect(refused.stderr).toContain('cli: ');
      expect(refused.stderr).toContain(reason);
    },
  );
});
