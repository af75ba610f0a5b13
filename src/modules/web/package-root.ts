import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of Switchboard's package.json, found upwards from this file: the same from
 * `dist/src/…` in production and from `src/…` under the tests, whatever the working directory.
 */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'switchboard')
      return dir;
    if (dirname(dir) === dir) throw new Error(`no switchboard package.json above ${from}`);
  }
}
