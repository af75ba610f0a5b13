/**
 * `npm run cli -- <command>`: operator commands that work on the app's own configuration and
 * database (with the embedded database: the same data directory; stop the app first), and two
 * that talk to a running Switchboard over HTTP (`knowledge import`, `call`).
 *
 *   api-key create --name <name> --role <role> [--role <role>…]   prints the key alone on its last line
 *   api-key list
 *   api-key revoke <key_id>
 *   audit-key generate                                             prints a new Ed25519 signing key (PEM)
 *   token --user <id> [--tenant <t>] [--roles a,b] [--expires-in 1h]
 *                                                                  prints an app-user JWT alone (HS256,
 *                                                                  SWITCHBOARD_JWT_SECRET), for curl; at
 *                                                                  most 24 h
 *   migrate                                                        applies every pending migration
 *                                                                  (the product's, then the demo's if on)
 *   knowledge prepare-model                                        puts the configured embedding model in its
 *                                                                  cache (the built-in one is converted), e.g.
 *                                                                  at image build
 *   knowledge import <dir> --source <src_id> [--url <base url>]    uploads a folder of documents to a
 *                                                                  running Switchboard (SWITCHBOARD_API_KEY:
 *                                                                  an editor key), resumable
 *   call --text <words> [--text <words>…] [--agent <profile>]     a governed test call without a browser on a
 *        [--user <id> --tenant <t> --roles a,b | --token <JWT>]   running Switchboard: opens a session, connects
 *        [--url <base url>] [--timeout 30s] [--json]              over WebRTC (proxy route), types each turn and
 *                                                                  prints what happens (tools, approvals,
 *                                                                  knowledge, answers), then hangs up. As
 *                                                                  --token, else SWITCHBOARD_USER_TOKEN, else a
 *                                                                  token signed like `token`'s (alice, acme,
 *                                                                  customer: the demo shop's seeded customer).
 *                                                                  Exit 1 when the server ends the call, a turn
 *                                                                  times out or Switchboard refuses
 */
import 'reflect-metadata';

import { generateKeyPairSync } from 'node:crypto';
import { parseArgs } from 'node:util';

import { OPERATOR_ROLES, type OperatorRole } from '../common/auth/operator-roles.js';
import { loadDotEnv } from '../config/env-file.js';
import { ConfigError, loadConfig } from '../config/load-config.js';
import { AppModule } from '../app.module.js';
import { connectDatabase } from '../database/database-connection.js';
import { runAllMigrations } from '../database/migration-chain.js';
import { pendingMigrations } from '../database/migration-status.js';
import { AuditLog, AuditLogRepository } from '../modules/audit/index.js';
import {
  BUILT_IN_MODEL_ID,
  ensureBuiltInModel,
  loadTokenCounter,
  resolveEmbeddingModelConfig,
  WorkerEmbedder,
} from '../knowledge/embedding/index.js';
import { importKnowledge, isDirectory } from './knowledge-import.js';
import { DevTokenRefusal, signDevToken, splitRoles } from '../common/auth/dev-token.js';
import { timeoutMsOf } from './call-waits.js';
import { runTestCall } from './test-call.js';
import { ApiKeysRepository, ApiKeysService } from '../modules/identity/index.js';

const USAGE = `usage:
  npm run cli -- api-key create --name <name> --role <${OPERATOR_ROLES.join('|')}> [--role …]
  npm run cli -- api-key list
  npm run cli -- api-key revoke <key_id>
  npm run cli -- audit-key generate
  npm run cli -- token --user <id> [--tenant <tenant>] [--roles <role>,<role>] [--expires-in 15m|2h|… (default 1h, at most 24h)]
  npm run cli -- migrate
  npm run cli -- knowledge prepare-model
  SWITCHBOARD_API_KEY=<editor key> npm run cli -- knowledge import <dir> --source <src_id> [--url http://127.0.0.1:3000]
  npm run cli -- call --text "<words>" [--text "<more>"…] [--agent <profile>]
      [--user alice --tenant acme --roles customer | --token <JWT> (or SWITCHBOARD_USER_TOKEN)]
      [--url http://127.0.0.1:3000] [--timeout 30s] [--json]`;

class UsageError extends Error {}

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      source: { type: 'string' },
      url: { type: 'string' },
      user: { type: 'string' },
      tenant: { type: 'string' },
      roles: { type: 'string', multiple: true },
      'expires-in': { type: 'string' },
      text: { type: 'string', multiple: true },
      agent: { type: 'string' },
      token: { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const [group, command, id] = positionals;
  if (group === 'token') return printDevToken(positionals.slice(1), values);
  if (group === 'call') return testCall(positionals.slice(1), values);
  if (group === 'knowledge' && command === 'import') return knowledgeImport(id, values);
  if (group === 'knowledge' && command === 'prepare-model') return prepareModel();
  if (group === 'audit-key' && command === 'generate') return printSigningKey();
  if (group === 'migrate' && command === undefined) return migrate();
  if (group !== 'api-key' || !['create', 'list', 'revoke'].includes(command ?? ''))
    throw new UsageError();
  const roles = (values.role ?? []) as OperatorRole[];
  if (command === 'create') {
    if (!values.name?.trim()) throw new UsageError('--name is required');
    if (roles.length === 0) throw new UsageError('at least one --role is required');
    const unknown = roles.find((role) => !OPERATOR_ROLES.includes(role));
    if (unknown)
      throw new UsageError(`unknown role "${unknown}"; roles: ${OPERATOR_ROLES.join(', ')}`);
  }
  if (command === 'revoke' && !id) throw new UsageError('revoke needs the key id (key_…)');

  loadDotEnv();
  const config = loadConfig(process.env);
  const dataSource = await connectDatabase(config);
  try {
    if (config.database.runMigrations)
      await runAllMigrations(dataSource, AppModule.migrationChains(config));
    // Built by hand: the CLI runs without Nest, on the app's own config and database.
    const audit = new AuditLog(dataSource, new AuditLogRepository(dataSource));
    const apiKeys = new ApiKeysService(dataSource, audit, new ApiKeysRepository(dataSource));
    if (command === 'create') {
      const { key, summary } = await apiKeys.create(
        values.name!.trim(),
        [...new Set(roles)],
        'system',
      );
      process.stdout.write(
        `Created ${summary.id} (${summary.name}) with roles ${summary.roles.join(', ')}.\n`,
      );
      process.stdout.write('Store this key now; it is not shown again:\n');
      process.stdout.write(`${key}\n`);
    } else if (command === 'list') {
      for (const k of await apiKeys.list()) {
        const state = k.revokedAt ? `revoked ${k.revokedAt}` : 'active';
        process.stdout.write(`${k.id}\t${k.prefix}…\t${k.roles.join(',')}\t${state}\t${k.name}\n`);
      }
    } else {
      const revoked = await apiKeys.revoke(id!, 'system');
      process.stdout.write(`Revoked ${revoked.id} at ${revoked.revokedAt}.\n`);
    }
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Applies what the app would at start (also with SWITCHBOARD_RUN_MIGRATIONS=false): the product's
 * migrations, then each chain the configuration turns on (the demo shop's), one transaction each.
 */
async function migrate(): Promise<void> {
  loadDotEnv();
  const config = loadConfig(process.env);
  const chains = AppModule.migrationChains(config);
  const dataSource = await connectDatabase(config);
  try {
    const pending = await pendingMigrations(dataSource, chains);
    await runAllMigrations(dataSource, chains);
    process.stdout.write(
      pending.length ? `Applied ${pending.join(', ')}.\n` : 'No migration was pending.\n',
    );
  } finally {
    await dataSource.destroy();
  }
}

/** Converts (built-in) or loads (any other) the configured embedding model into its cache. */
async function prepareModel(): Promise<void> {
  loadDotEnv();
  const k = loadConfig(process.env).knowledge;
  const config = resolveEmbeddingModelConfig({
    modelId: k.modelId,
    cacheDir: k.modelCacheDir,
    dtype: k.modelDtype,
    allowRemoteModels: k.allowRemoteModels,
  });
  if (config.modelId === BUILT_IN_MODEL_ID) await ensureBuiltInModel(config.cacheDir);
  const embedder = new WorkerEmbedder(config);
  try {
    const { dimension } = await embedder.ready();
    const { window } = await loadTokenCounter(config);
    process.stdout.write(
      `Embedding model ${config.modelId} (${config.dtype}) is ready in ${config.cacheDir}: ${dimension} dimensions, ${window}-token window.\n`,
    );
  } finally {
    await embedder.close();
  }
}

/** Uploads a folder through the editor API of a running Switchboard; see `knowledge-import.ts`. */
async function knowledgeImport(dir: string | undefined, values: { source?: string; url?: string }) {
  if (!dir) throw new UsageError('knowledge import needs the folder to import');
  if (!values.source?.startsWith('src_')) throw new UsageError('--source <src_…> is required');
  if (!(await isDirectory(dir))) throw new UsageError(`${dir} is not a folder`);
  loadDotEnv();
  const apiKey = process.env.SWITCHBOARD_API_KEY;
  if (!apiKey)
    throw new UsageError('set SWITCHBOARD_API_KEY to an API key with the knowledge_editor role');
  const baseUrl = baseUrlOf(values);
  const summary = await importKnowledge({
    dir,
    sourceId: values.source,
    baseUrl,
    apiKey,
    out: process.stdout,
    interactive: process.stdout.isTTY === true,
  });
  process.stdout.write(
    `Imported ${summary.ready} ready (${summary.uploaded} uploaded, ${summary.unchanged} unchanged), ${summary.failed.length} failed.\n`,
  );
  for (const f of summary.failed) process.stdout.write(`  failed: ${f.file}: ${f.error}\n`);
  if (summary.failed.length) process.exitCode = 1;
}

/** A governed test call through a running Switchboard; see `test-call.ts`. */
async function testCall(extra: string[], values: CallValues): Promise<void> {
  if (extra.length)
    throw new UsageError(`call takes no argument "${extra[0]}"; use --text "<words>"`);
  const texts = (values.text ?? []).map((text) => text.trim());
  if (!texts.length || texts.some((text) => !text))
    throw new UsageError('call needs --text "<words>" (one per turn, none empty)');
  const timeoutMs = values.timeout === undefined ? 30_000 : timeoutMsOf(values.timeout);
  if (timeoutMs === undefined)
    throw new UsageError(`--timeout "${values.timeout}" is not a duration such as 30s or 2m`);
  loadDotEnv();
  const baseUrl = baseUrlOf(values);
  if (!/^https?:\/\/[^/]/.test(baseUrl))
    throw new UsageError(
      `--url "${baseUrl}" is not an http(s) address such as http://127.0.0.1:3000`,
    );
  process.exitCode = await runTestCall({
    baseUrl,
    token: await callToken(values),
    texts,
    agent: values.agent,
    timeoutMs,
    json: values.json === true,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}

type CallValues = {
  text?: string[];
  agent?: string;
  token?: string;
  timeout?: string;
  json?: boolean;
  user?: string;
  tenant?: string;
  roles?: string[];
  url?: string;
};

/**
 * --token; else, unless --user, --tenant or --roles ask for one to be signed,
 * SWITCHBOARD_USER_TOKEN; else one signed like `token` signs it, for the seeded demo shop's customer
 * (alice of tenant acme, role customer) unless told otherwise.
 */
async function callToken(values: CallValues): Promise<string> {
  const identity = (['user', 'tenant', 'roles'] as const).find((o) => values[o] !== undefined);
  if (values.token !== undefined && identity)
    throw new UsageError(`--${identity} is for a token the CLI signs; leave it out with --token`);
  const given = values.token ?? (identity ? undefined : process.env.SWITCHBOARD_USER_TOKEN);
  if (given !== undefined) {
    if (!given.trim()) throw new UsageError('the token given is empty');
    return given.trim();
  }
  const roles = splitRoles(values.roles ?? []);
  try {
    return await signDevToken(loadConfig(process.env).jwt, {
      user: values.user ?? 'alice',
      tenant: values.tenant ?? 'acme',
      roles: roles.length ? roles : ['customer'],
    });
  } catch (error) {
    throw error instanceof DevTokenRefusal ? new UsageError(error.message) : error;
  }
}

function baseUrlOf(values: { url?: string }): string {
  return values.url ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}

/**
 * An app-user token signed with the app's own secret, printed alone so that
 * `TOKEN=$(npm run -s cli -- token …)` works; see `common/auth/dev-token.ts`.
 */
async function printDevToken(
  extra: string[],
  values: {
    user?: string;
    tenant?: string;
    roles?: string[];
    'expires-in'?: string;
    name?: string;
    role?: string[];
    source?: string;
    url?: string;
  },
): Promise<void> {
  if (extra.length) throw new UsageError(`token takes no argument "${extra[0]}"; use --user <id>`);
  // `--role customer` (the api-key spelling) would otherwise sign a token without the role.
  const other = (['name', 'role', 'source', 'url'] as const).find((o) => values[o] !== undefined);
  if (other)
    throw new UsageError(
      `token takes --user, --tenant, --roles <role>,<role> and --expires-in, not --${other}`,
    );
  if (values.user === undefined) throw new UsageError('token needs --user <id>');
  loadDotEnv();
  const { jwt, openai } = loadConfig(process.env);
  // A real deployment's secret signs real credentials: say so where it cannot be missed.
  if (openai.apiKey)
    process.stderr.write(
      `cli: OPENAI_API_KEY is set: this token for user ${values.user} is as good as one your ` +
        'identity provider issued; it is not audited. Keep it to development.\n',
    );
  let token: string;
  try {
    token = await signDevToken(jwt, {
      user: values.user,
      tenant: values.tenant,
      roles: splitRoles(values.roles ?? []),
      expiresIn: values['expires-in'],
    });
  } catch (error) {
    throw error instanceof DevTokenRefusal ? new UsageError(error.message) : error;
  }
  process.stdout.write(`${token}\n`);
}

/** A new audit signing key: the private key for SWITCHBOARD_AUDIT_SIGNING_KEY, the public one to share. */
function printSigningKey(): void {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  process.stdout.write(
    '# SWITCHBOARD_AUDIT_SIGNING_KEY (keep secret; in .env write newlines as \\n):\n' +
      privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() +
      '# Public key (also served at GET /v1/audit/public-key):\n' +
      publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    process.stderr.write(
      `${error instanceof UsageError && error.message ? `cli: ${error.message}\n` : ''}${USAGE}\n`,
    );
    process.exit(2);
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`cli: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
