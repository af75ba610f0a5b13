// `npm run demo`: Switchboard with the demo page's sign-in on, for trying it on your machine.
// Demo sign-in signs anyone in as a seeded demo user, so it is never on by itself: this script
// turns it on for this process only. Tokens need a secret; when none is configured, one is made
// and kept in ./.env (git-ignored), so the app and `npm run cli -- token` agree on it.
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

const ENV_FILE = '.env';
const dotEnv = existsSync(ENV_FILE) ? readFileSync(ENV_FILE, 'utf8') : '';
const has = (name) =>
  Boolean(process.env[name]) || new RegExp(`^\\s*${name}\\s*=`, 'm').test(dotEnv);
if (has('SWITCHBOARD_JWT_JWKS_URL') && !has('SWITCHBOARD_JWT_SECRET')) {
  process.stderr.write(
    'demo: SWITCHBOARD_JWT_JWKS_URL is set, so your identity provider issues tokens and the demo ' +
      'cannot sign any: run `npm start` and sign in with one of its tokens instead\n',
  );
  process.exit(78);
}
if (!has('SWITCHBOARD_JWT_SECRET')) {
  const separator = dotEnv && !dotEnv.endsWith('\n') ? '\n' : '';
  appendFileSync(
    ENV_FILE,
    `${separator}# Written by npm run demo: a development secret for app-user tokens. Not for production.\n` +
      `SWITCHBOARD_JWT_SECRET=${randomBytes(32).toString('hex')}\n`,
    { mode: 0o600 },
  );
  process.stdout.write(`demo: wrote a development SWITCHBOARD_JWT_SECRET to ${ENV_FILE}\n`);
}
process.env.SWITCHBOARD_DEMO_SIGN_IN = 'true';
const port = process.env.PORT ?? (/^\s*PORT\s*=\s*(\d+)/m.exec(dotEnv)?.[1] || '3000');
process.stdout.write(
  `demo: open http://localhost:${port}/ once Switchboard is listening, sign in as a demo user and talk\n`,
);
await import('../dist/src/main.js');
