import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const VERIFIER = join(process.cwd(), 'dist/src/cli/audit-verify.js');

/** Runs the built offline verifier the way an auditor would; never throws on a non-zero exit. */
export async function verifyOffline(
  bundle: string,
  keyPem: string,
): Promise<{ code: number; out: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'audit-bundle-'));
  try {
    writeFileSync(join(dir, 'bundle.jsonl'), bundle);
    writeFileSync(join(dir, 'key.pem'), keyPem);
    try {
      const { stdout } = await run('node', [
        VERIFIER,
        join(dir, 'bundle.jsonl'),
        '--public-key',
        join(dir, 'key.pem'),
      ]);
      return { code: 0, out: stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, out: `${failed.stdout}${failed.stderr}` };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the verifier with these arguments; resolves with its exit code. */
export async function verifierExitCode(args: readonly string[]): Promise<number> {
  return run('node', [VERIFIER, ...args]).then(
    () => 0,
    (error: { code: number }) => error.code,
  );
}
