import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const MAIN = resolve('dist/src/main.js');

/** Runs the built app (npm test builds first) and collects how it ended. */
function boot(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', SWITCHBOARD_DATA_DIR: 'memory://', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => done({ code, stderr, stdout }));
  });
}

describe('boot with a bad configuration', () => {
  it('stops before opening anything, with one line naming the variable and exit code 78', async () => {
    const result = await boot({ PORT: 'eighty', LOG_LEVEL: 'info' });
    expect(result.code).toBe(78);
    expect(result.stderr).toBe(
      'Invalid configuration: PORT must be an integer between 0 and 65535 (got "eighty")\n',
    );
    expect(result.stdout).toBe('');
  });

  it('checks the body shape bounds and the roles claim format at boot', async () => {
    const result = await boot({
      SWITCHBOARD_BODY_MAX_DEPTH: '100000',
      SWITCHBOARD_BODY_MAX_KEYS: '0',
      SWITCHBOARD_JWT_ROLES_FORMAT: 'space-separated',
    });
    expect(result.code).toBe(78);
    expect(result.stderr.trim().split('\n')).toEqual([
      'Invalid configuration: SWITCHBOARD_BODY_MAX_DEPTH must be an integer between 1 and 256 (got "100000")',
      'Invalid configuration: SWITCHBOARD_BODY_MAX_KEYS must be an integer between 1 and 100000 (got "0")',
      'Invalid configuration: SWITCHBOARD_JWT_ROLES_FORMAT must be one of array, array-or-space-separated (got "space-separated")',
    ]);
  });

  it('names each bad variable and never prints a secret value', async () => {
    const result = await boot({ LOG_LEVEL: 'chatty', DATABASE_URL: 'mysql://root:hunter2@db/app' });
    expect(result.code).toBe(78);
    expect(result.stderr.trim().split('\n')).toEqual([
      'Invalid configuration: DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/database',
      'Invalid configuration: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "chatty")',
    ]);
    expect(result.stderr).not.toContain('hunter2');
  });
});
