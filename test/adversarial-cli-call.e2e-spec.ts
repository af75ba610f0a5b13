import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';

const CLI = resolve('dist/src/cli/cli.js');

function runCli(
  args: string[],
  env: Record<string, string> = JWT_ENV,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((done) => child.on('exit', (code) => done({ code, stdout, stderr })));
}

/** `npm run cli -- call` with inputs its own tests did not try. */
describe('CLI: call, adversarially', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({ env: JWT_ENV });
  });
  afterAll(() => sut.close());

  const call = (args: string[]) => runCli(['call', '--url', sut.url, ...args]);
  const openSessions = async () =>
    (
      await sut.query<{ n: string }>(
        `SELECT count(*) AS n FROM sessions WHERE state NOT IN ('ended', 'revoked')`,
      )
    )[0].n;

  it('refuses an unknown agent with the server’s UNKNOWN_AGENT and exit 1, leaving no session', async () => {
    const result = await call(['--agent', 'no_such_agent', '--text', 'hello']);
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toMatch(/^cli: UNKNOWN_AGENT: .*no_such_agent/);
    expect(await openSessions()).toBe('0');
  });

  it('types a unicode turn and prints it back exactly, as text and as JSON', async () => {
    const text = 'Où est ma commande 10042 ? 🚚 注文 — ﷽ אבג';
    const plain = await call(['--text', text]);
    expect([plain.code, plain.stderr]).toEqual([0, '']);
    expect(plain.stdout.split('\n')).toContain(`you: ${text}`);
    const json = await call(['--json', '--text', text]);
    expect([json.code, json.stderr]).toEqual([0, '']);
    const lines = json.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; text?: string });
    expect(lines.find((line) => line.type === 'you')).toEqual({ type: 'you', text });
    expect(lines.at(-1)).toMatchObject({ type: 'ended', reason: 'user_ended' });
  });

  it('handles a very long turn (20 000 characters): answered or refused clearly, and the session ends', async () => {
    const result = await call([
      '--json',
      '--timeout',
      '20s',
      '--text',
      `hello ${'a'.repeat(20_000)}`,
    ]);
    const lines = result.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { type: string; code?: string; reason?: string });
    if (result.code !== 0) {
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^cli: [A-Z_]+: ./);
    }
    expect(lines.at(-1)).toMatchObject({ type: expect.stringMatching(/^(ended|error)$/) });
    expect(await openSessions()).toBe('0');
  });

  it('refuses a turn larger than the data channel takes (100 000 characters) quickly and clearly, ending the session', async () => {
    const started = Date.now();
    const result = await call(['--timeout', '20s', '--text', `hello ${'a'.repeat(100_000)}`]);
    const tookMs = Date.now() - started;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^cli: [A-Z_]+: ./);
    // Not the answer timeout: the refusal is known at once.
    expect(result.stderr).not.toContain('ANSWER_TIMEOUT');
    expect(tookMs).toBeLessThan(15_000);
    expect(await openSessions()).toBe('0');
  });

  it('prints a turn with a newline in it on one line, so each output line stays one thing', async () => {
    const result = await call(['--text', 'first line\nsecond line']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    // Every line starts with what it is: session:, you:, tool …:, assistant:, ended:.
    expect(
      lines.filter(
        (line) =>
          !/^(session|you|tool \w+|assistant|ended|approval \w+|warning|knowledge|error): /.test(
            line,
          ),
      ),
    ).toEqual([]);
  });
});
