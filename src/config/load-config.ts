import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

import type { AppConfig } from './app-config.js';
import { EnvironmentVariables, OPTIONAL_VARIABLES, SECRET_VARIABLES } from './env.schema.js';
import type { AgentProfile } from './agent-profiles.js';
import { loadAgentProfiles } from './agent-profiles-file.js';
import { parsePriceTable, type PriceTable } from './price-table.js';
import {
  type BackendPriceTable,
  type LivePriceTable,
  parseBackendPrices,
  parseLivePrices,
} from './live-prices.js';
import { parseTranscriptionPrices, type TranscriptionPriceTable } from './transcription-prices.js';

/** Thrown when the environment is invalid; `message` has one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

type RawEnv = Record<string, string | undefined>;

/**
 * Validates the environment against `EnvironmentVariables` and maps it to the typed `AppConfig`.
 * The app, the CLI and the TypeORM data source all call this, so configuration is parsed one way.
 * Empty strings count as unset, as in most `.env` tooling.
 */
export function loadConfig(env: RawEnv = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.keys(new EnvironmentVariables())
      .concat(OPTIONAL_VARIABLES)
      .filter((name) => env[name] !== undefined && env[name] !== '')
      .map((name) => [name, env[name]]),
  );
  const vars = plainToInstance(EnvironmentVariables, present, { exposeDefaultValues: true });
  const errors = validateSync(vars, { skipMissingProperties: false });
  const problems = errors.map((error) => describe(error, present));
  const prices = parsePriceTable(vars.SWITCHBOARD_PRICE_TABLE);
  if (typeof prices === 'string')
    problems.push(`Invalid configuration: SWITCHBOARD_PRICE_TABLE ${prices}`);
  const transcriptionPrices = parseTranscriptionPrices(vars.SWITCHBOARD_TRANSCRIPTION_PRICE_TABLE);
  if (typeof transcriptionPrices === 'string')
    problems.push(
      `Invalid configuration: SWITCHBOARD_TRANSCRIPTION_PRICE_TABLE ${transcriptionPrices}`,
    );
  const livePrices = parseLivePrices(vars.SWITCHBOARD_LIVE_PRICE_TABLE);
  if (typeof livePrices === 'string')
    problems.push(`Invalid configuration: SWITCHBOARD_LIVE_PRICE_TABLE ${livePrices}`);
  const backendPrices = parseBackendPrices(vars.SWITCHBOARD_BACKEND_PRICE_TABLE);
  if (typeof backendPrices === 'string')
    problems.push(`Invalid configuration: SWITCHBOARD_BACKEND_PRICE_TABLE ${backendPrices}`);
  if (vars.SWITCHBOARD_JWT_SECRET && vars.SWITCHBOARD_JWT_JWKS_URL) {
    problems.push(
      'Invalid configuration: SWITCHBOARD_JWT_SECRET and SWITCHBOARD_JWT_JWKS_URL are exclusive; set one',
    );
  }
  if (
    vars.SWITCHBOARD_KNOWLEDGE_MODEL === 'Xenova/all-MiniLM-L6-v2' &&
    !['fp32', 'q8'].includes(vars.SWITCHBOARD_KNOWLEDGE_MODEL_DTYPE)
  ) {
    problems.push(
      'Invalid configuration: SWITCHBOARD_KNOWLEDGE_MODEL_DTYPE must be fp32 or q8 for the built-in model (its files come in those two)',
    );
  }
  const badOrigin = (vars.SWITCHBOARD_CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .find((origin) => origin && !URL.canParse(origin));
  if (badOrigin !== undefined)
    problems.push(
      `Invalid configuration: SWITCHBOARD_CORS_ORIGINS has "${badOrigin}", which is not an origin such as https://app.example.com`,
    );
  if (vars.SWITCHBOARD_DEMO_SIGN_IN && !vars.SWITCHBOARD_DEMO) {
    problems.push(
      "Invalid configuration: SWITCHBOARD_DEMO_SIGN_IN needs SWITCHBOARD_DEMO=true (it signs in as the demo shop's users)",
    );
  }
  if (vars.SWITCHBOARD_DEMO_SIGN_IN && !vars.SWITCHBOARD_JWT_SECRET) {
    problems.push(
      'Invalid configuration: SWITCHBOARD_DEMO_SIGN_IN needs SWITCHBOARD_JWT_SECRET (its tokens are signed with it)',
    );
  }
  const agentProfiles = loadAgentProfiles(vars.SWITCHBOARD_AGENT_PROFILES_FILE);
  if (typeof agentProfiles === 'string')
    problems.push(`Invalid configuration: SWITCHBOARD_AGENT_PROFILES_FILE ${agentProfiles}`);
  if (problems.length > 0) throw new ConfigError(problems);
  return toAppConfig(vars, {
    prices: prices as PriceTable,
    transcriptionPrices: transcriptionPrices as TranscriptionPriceTable,
    livePrices: livePrices as LivePriceTable,
    backendPrices: backendPrices as BackendPriceTable,
    agentProfiles: agentProfiles as Readonly<Record<string, AgentProfile>>,
  });
}

function describe(error: ValidationError, raw: Record<string, unknown>): string {
  const expectation = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
  const shown = SECRET_VARIABLES.has(error.property)
    ? ''
    : ` (got ${JSON.stringify(raw[error.property] ?? null)})`;
  return `Invalid configuration: ${error.property} ${expectation}${shown}`;
}

/** What is parsed beyond the flat variables. */
interface ParsedTables {
  readonly prices: PriceTable;
  readonly transcriptionPrices: TranscriptionPriceTable;
  readonly livePrices: LivePriceTable;
  readonly backendPrices: BackendPriceTable;
  readonly agentProfiles: Readonly<Record<string, AgentProfile>>;
}

function toAppConfig(
  vars: EnvironmentVariables,
  { prices, transcriptionPrices, livePrices, backendPrices, agentProfiles }: ParsedTables,
): AppConfig {
  return Object.freeze({
    http: {
      port: vars.PORT,
      host: vars.HOST,
      bodyLimit: vars.SWITCHBOARD_BODY_LIMIT,
      bodyMaxDepth: vars.SWITCHBOARD_BODY_MAX_DEPTH,
      bodyMaxKeys: vars.SWITCHBOARD_BODY_MAX_KEYS,
      // As browsers send them: lower-case, no default port (`https://App.example.com:443` matches).
      corsOrigins: (vars.SWITCHBOARD_CORS_ORIGINS ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean)
        .map((origin) => new URL(origin).origin),
    },
    database: {
      url: vars.DATABASE_URL,
      schema: vars.DATABASE_SCHEMA,
      poolSize: vars.DATABASE_POOL_SIZE,
      dataDir: vars.SWITCHBOARD_DATA_DIR,
      runMigrations: vars.SWITCHBOARD_RUN_MIGRATIONS,
    },
    openai: { apiKey: vars.OPENAI_API_KEY, baseUrl: vars.OPENAI_BASE_URL.replace(/\/+$/, '') },
    simulator: {
      port: vars.SWITCHBOARD_SIMULATOR_PORT,
      scenarioPath: vars.SWITCHBOARD_SIMULATOR_SCENARIO,
      inspection: vars.SWITCHBOARD_SIMULATOR_INSPECTION,
      transcriptionDelayMs: vars.SWITCHBOARD_SIMULATOR_TRANSCRIPTION_DELAY_MS,
    },
    log: { level: vars.LOG_LEVEL },
    sessions: {
      maxDurationSeconds: vars.SWITCHBOARD_SESSION_MAX_DURATION_SECONDS,
      warningSeconds: vars.SWITCHBOARD_SESSION_WARNING_SECONDS,
      connectTimeoutSeconds: vars.SWITCHBOARD_SESSION_CONNECT_TIMEOUT_SECONDS,
      maxPerUser: vars.SWITCHBOARD_SESSIONS_PER_USER,
      maxPerTenant: vars.SWITCHBOARD_SESSIONS_PER_TENANT,
      maxTotal: vars.SWITCHBOARD_SESSIONS_TOTAL,
      clientSecretTtlSeconds: vars.SWITCHBOARD_CLIENT_SECRET_TTL_SECONDS,
      hangUpOnTamper: vars.SWITCHBOARD_TAMPER_HANGUP,
      idleSeconds: vars.SWITCHBOARD_SESSION_IDLE_SECONDS,
      eventsPollMs: vars.SWITCHBOARD_SESSION_EVENTS_POLL_MS,
      sidebandLeaseSeconds: vars.SWITCHBOARD_SIDEBAND_LEASE_SECONDS,
      agentProfiles,
    },
    cost: {
      prices,
      transcriptionPrices,
      livePrices,
      backendPrices,
      sessionBudgetUsd: vars.SWITCHBOARD_SESSION_BUDGET_USD,
      userDailyBudgetUsd: vars.SWITCHBOARD_USER_DAILY_BUDGET_USD,
      tenantMonthlyBudgetUsd: vars.SWITCHBOARD_TENANT_MONTHLY_BUDGET_USD,
    },
    approvals: {
      pollMs: vars.SWITCHBOARD_APPROVAL_POLL_MS,
      leaseGraceSeconds: vars.SWITCHBOARD_APPROVAL_LEASE_GRACE_SECONDS,
      webhookUrl: vars.SWITCHBOARD_APPROVAL_WEBHOOK_URL,
      webhookSecret: vars.SWITCHBOARD_APPROVAL_WEBHOOK_SECRET,
    },
    audit: { signingKeyPem: vars.SWITCHBOARD_AUDIT_SIGNING_KEY?.replaceAll('\\n', '\n') },
    demo: {
      enabled: vars.SWITCHBOARD_DEMO,
      refundApprovalAboveUsd: vars.SWITCHBOARD_DEMO_REFUND_APPROVAL_ABOVE_USD,
      signIn: vars.SWITCHBOARD_DEMO_SIGN_IN,
    },
    knowledge: {
      modelId: vars.SWITCHBOARD_KNOWLEDGE_MODEL,
      modelCacheDir: vars.SWITCHBOARD_KNOWLEDGE_MODEL_CACHE_DIR,
      modelDtype: vars.SWITCHBOARD_KNOWLEDGE_MODEL_DTYPE,
      allowRemoteModels: vars.SWITCHBOARD_KNOWLEDGE_ALLOW_REMOTE_MODELS,
      maxUploadBytes: vars.SWITCHBOARD_KNOWLEDGE_MAX_UPLOAD_BYTES,
      maxPdfPages: vars.SWITCHBOARD_KNOWLEDGE_MAX_PDF_PAGES,
      worker: vars.SWITCHBOARD_KNOWLEDGE_WORKER,
      pollMs: vars.SWITCHBOARD_KNOWLEDGE_POLL_MS,
      jobLeaseSeconds: vars.SWITCHBOARD_KNOWLEDGE_JOB_LEASE_SECONDS,
      exactScanBelow: vars.SWITCHBOARD_KNOWLEDGE_EXACT_SCAN_BELOW,
      efSearch: vars.SWITCHBOARD_KNOWLEDGE_EF_SEARCH,
    },
    grounding: {
      toolRoles: vars.SWITCHBOARD_KNOWLEDGE_TOOL_ROLES.split(',')
        .map((role) => role.trim())
        .filter(Boolean),
      budgetMs: vars.SWITCHBOARD_GROUNDING_BUDGET_MS,
      snippets: vars.SWITCHBOARD_GROUNDING_SNIPPETS,
      recheckSeconds: vars.SWITCHBOARD_GROUNDING_RECHECK_SECONDS,
    },
    jwt: {
      secret: vars.SWITCHBOARD_JWT_SECRET,
      jwksUrl: vars.SWITCHBOARD_JWT_JWKS_URL,
      issuer: vars.SWITCHBOARD_JWT_ISSUER,
      audience: vars.SWITCHBOARD_JWT_AUDIENCE,
      clockSkewSeconds: vars.SWITCHBOARD_JWT_CLOCK_SKEW_SECONDS,
      jwksCooldownSeconds: vars.SWITCHBOARD_JWT_JWKS_COOLDOWN_SECONDS,
      claims: {
        user: vars.SWITCHBOARD_JWT_USER_CLAIM,
        tenant: vars.SWITCHBOARD_JWT_TENANT_CLAIM,
        roles: vars.SWITCHBOARD_JWT_ROLES_CLAIM,
      },
      rolesFormat: vars.SWITCHBOARD_JWT_ROLES_FORMAT,
    },
  });
}
