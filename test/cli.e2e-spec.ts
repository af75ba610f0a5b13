import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/config/load-config.js';
import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import { LogCapture } from './support/log-capture.js';
import { freshSchema, queryTestDatabase } from './support/test-app.js';

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
