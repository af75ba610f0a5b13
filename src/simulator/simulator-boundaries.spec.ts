import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIMULATOR_DIR = dirname(fileURLToPath(import.meta.url));
/** What a stand-in for OpenAI must never touch: a database or the Nest application. */
const FORBIDDEN_PACKAGES = /^(typeorm|pg|pg-.*|@electric-sql\/.*|pgvector|@nestjs\/.*)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g);
  return [...found].map((match) => match[1]);
}

/**
 * The simulator stands in for OpenAI: it has no database (so a test run against it leaves both
 * of Switchboard's databases untouched) and no Nest, and it imports nothing of Switchboard's.
 */
describe('simulator boundaries', () => {
  const files = sourceFiles(SIMULATOR_DIR);

  it('finds the simulator sources', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files.some((f) => f.endsWith(join('live', 'live-session.ts')))).toBe(true);
  });

  it('imports no database driver, ORM or Nest package', () => {
    const offending = files.flatMap((file) =>
      importsOf(file)
        .map((specifier) => specifier.replace(/^node:/, ''))
        .filter((specifier) => FORBIDDEN_PACKAGES.test(packageOf(specifier)))
        .map((specifier) => `${relative(SIMULATOR_DIR, file)} → ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it('imports nothing from outside src/simulator', () => {
    const outside = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier.startsWith('.'))
        .filter((specifier) =>
          relative(SIMULATOR_DIR, resolve(dirname(file), specifier)).startsWith('..'),
        )
        .map((specifier) => `${relative(SIMULATOR_DIR, file)} → ${specifier}`),
    );
    expect(outside).toEqual([]);
  });
});

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
