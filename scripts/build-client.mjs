// Bundles the browser code. The client (src/client) becomes one minified ES module,
// dist/client/switchboard.js, with its typings beside it; its size is printed, and the limit below
// fails the build rather than let it grow unnoticed. The pages (src/pages/<page>) become
// dist/pages/<page>, their script importing the client from where the server serves it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

import { build } from 'esbuild';

const OUTFILE = 'dist/client/switchboard.js';
const GZIP_LIMIT_BYTES = 15 * 1024;

await build({
  entryPoints: ['src/client/index.ts'],
  outfile: OUTFILE,
  bundle: true,
  format: 'esm',
  minify: true,
  sourcemap: 'linked',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  legalComments: 'none',
  logLevel: 'warning',
});

const code = readFileSync(OUTFILE);
const gzipped = gzipSync(code, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
// On stderr: `npm run -s cli -- token` builds first, and its stdout must be the token alone.
process.stderr.write(
  `client: ${OUTFILE} ${kb(code.length)}, ${kb(gzipped)} gzipped (limit ${kb(GZIP_LIMIT_BYTES)})\n`,
);
if (gzipped > GZIP_LIMIT_BYTES) {
  process.stderr.write(`client: the bundle is over its ${kb(GZIP_LIMIT_BYTES)} gzipped limit\n`);
  process.exit(1);
}

/** A page's `import … from '../../client/index.js'` loads the served bundle, not a copy of it. */
const servedClient = {
  name: 'served-client',
  setup(builder) {
    builder.onResolve({ filter: /\/client\/index\.js$/ }, () => ({
      path: '/client/switchboard.js',
      external: true,
    }));
  },
};

for (const page of readdirSync('src/pages')) {
  const from = `src/pages/${page}`;
  const to = `dist/pages/${page}`;
  // A folder without its own script (shared/) holds files the pages link to.
  if (existsSync(`${from}/${page}.ts`))
    await build({
      entryPoints: [`${from}/${page}.ts`],
      outfile: `${to}/${page}.js`,
      bundle: true,
      format: 'esm',
      minify: true,
      sourcemap: 'linked',
      target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
      plugins: [servedClient],
      logLevel: 'warning',
    });
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from).filter((name) => /\.(html|css|svg|png)$/.test(name)))
    copyFileSync(`${from}/${file}`, `${to}/${file}`);
}

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'src/client/tsconfig.build.json'], { stdio: 'inherit' });
