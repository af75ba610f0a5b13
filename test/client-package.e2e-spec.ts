import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const REPO = process.cwd();

/** What a web team installs: `switchboard/client`, its typings, and a bundle small enough for any page. */
describe('the client package', () => {
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
    exports: Record<string, { types: string; default: string }>;
  };

  it('exports switchboard/client with its typings, as built', () => {
    const entry = manifest.exports['./client'];
    expect(entry).toEqual({
      types: './dist/client/index.d.ts',
      default: './dist/client/switchboard.js',
    });
    const typings = readFileSync(join(REPO, entry.types), 'utf8');
    expect(typings).toContain('connectVoice');
    expect(typings).toContain('SwitchboardError');
    expect(readFileSync(join(REPO, 'dist/client/voice-call.d.ts'), 'utf8')).toMatch(
      /sendText\(text: string\): void/,
    );
  });

  it('loads by its package name and has what the README documents', async () => {
    const specifier = 'switchboard/client';
    const client = (await import(specifier)) as Record<string, unknown>;
    expect(typeof client.connectVoice).toBe('function');
    expect(typeof client.SwitchboardError).toBe('function');
    const error = new (client.SwitchboardError as new (c: string, m: string) => Error)('X', 'y');
    expect(error).toMatchObject({ name: 'SwitchboardError', code: 'X', message: 'y' });
  });

  it('stays under 15 KB gzipped, with no import of anything else', () => {
    const bundle = readFileSync(join(REPO, 'dist/client/switchboard.js'));
    expect(gzipSync(bundle).length).toBeLessThan(15 * 1024);
    expect(statSync(join(REPO, 'dist/client/switchboard.js.map')).size).toBeGreaterThan(0);
    expect(bundle.toString()).not.toMatch(/\bimport\s*[{*\w]|\bimport\(|require\(/);
  });
});
