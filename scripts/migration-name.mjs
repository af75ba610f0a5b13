// `npm run migration:create -- AddSessions`: the TypeORM CLI writes an empty
// migrations/<epochMs>-AddSessions.ts (migrations are hand-written SQL; there are no entities to
// generate from, see docs/architecture.md "Persistence"), then this rewrites
// migrations/index.ts from the directory (the app loads migrations from that list, not a glob).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const [mode, name] = process.argv.slice(2);
if (mode !== 'create' || !/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) {
  console.error('usage: npm run migration:create -- PascalCaseVerbNoun');
  process.exit(2);
}

const cli = 'node_modules/typeorm/cli.js';
execFileSync('node', [cli, 'migration:create', '--esm', `migrations/${name}`], {
  stdio: 'inherit',
});

const entries = readdirSync('migrations')
  .filter((file) => /^\d+-\w+\.ts$/.test(file))
  .sort()
  .map((file) => {
    const className = /export class (\w+)/.exec(readFileSync(`migrations/${file}`, 'utf8'))?.[1];
    return { className, module: `./${file.replace(/\.ts$/, '.js')}` };
  });
const index = readFileSync('migrations/index.ts', 'utf8');
const header = index.slice(0, index.indexOf('*/') + 3);
writeFileSync(
  'migrations/index.ts',
  `${header}${entries.map((e) => `import { ${e.className} } from '${e.module}';`).join('\n')}\n\n` +
    `export const migrations = [\n${entries.map((e) => `  ${e.className},`).join('\n')}\n];\n`,
);
execFileSync('node', ['node_modules/prettier/bin/prettier.cjs', '--write', 'migrations'], {
  stdio: 'ignore',
});
console.log(`migrations/index.ts lists ${entries.length} migrations`);
