import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve('dist/src/simulator/cli.js');

function run(args: string[]): {
  child: ChildProcess;
  output: Promise<{ code: number | null; stdout: string; stderr: string }>;
  firstLines: (n: number) => Promise<string[]>;
} {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const listeners: (() => void)[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    listeners.forEach((l) => l());
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    child,
    output: new Promise((done) => child.on('exit', (code) => done({ code, stdout, stderr }))),
    firstLines: (n) =>
      new Promise((done) => {
        const check = () => {
          const lines = stdout.split('\n').filter(Boolean);
          if (lines.length >= n) done(lines);
        };
        listeners.push(check);
        check();
      }),
  };
}

/** `npm run simulator` runs this CLI after building. */
describe('simulator CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-sim-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves with a given key and scenario until interrupted', async () => {
    const scenario = join(dir, 'scenario.json');
    writeFileSync(
      scenario,
      JSON.stringify({ rules: [{ when: { any: true }, say: 'Hi from the file.' }] }),
    );
    const sim = run(['--port', '0', '--api-key', 'sk-cli-test', '--scenario', scenario]);
    const [listening] = await sim.firstLines(2);
    const url = /listening on (http:\/\/\S+)\/v1$/.exec(listening)?.[1];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}/v1/realtime/client_secrets`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-cli-test', 'content-type': 'application/json' },
      body: JSON.stringify({ session: { type: 'realtime' } }),
    });
    expect(res.status).toBe(200);
    sim.child.kill('SIGTERM');
    expect((await sim.output).code).toBe(0);
  });

  it('generates a key when none is given and prints it alone on the last line', async () => {
    const sim = run(['--port', '0']);
    const lines = await sim.firstLines(4);
    expect(lines[2]).toBe('API key (generated):');
    expect(lines[3]).toMatch(/^sk-sim-[A-Za-z0-9_-]{32}$/);
    sim.child.kill('SIGTERM');
    await sim.output;
  });

  it('refuses an invalid scenario with a message naming the problem', async () => {
    const scenario = join(dir, 'bad.json');
    writeFileSync(scenario, JSON.stringify({ rules: [{ when: { any: true } }] }));
    const { code, stderr } = await run(['--scenario', scenario]).output;
    expect(code).toBe(2);
    expect(stderr).toMatch(/^simulator: Invalid scenario .*bad\.json: \/rules\/0 /);
  });

  it('refuses a bad port', async () => {
    const { code, stderr } = await run(['--port', 'eighty']).output;
    expect(code).toBe(2);
    expect(stderr).toBe('simulator: --port must be an integer between 0 and 65535\n');
  });
});
