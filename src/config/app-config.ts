import type { EmbeddingDtype, JwtRolesFormat, LogLevel } from './env.schema.js';
import type { AgentProfile } from './agent-profiles.js';
import type { PriceTable } from './price-table.js';
import type { BackendPriceTable, LivePriceTable } from './live-prices.js';
import type { TranscriptionPriceTable } from './transcription-prices.js';

/**
 * The one typed configuration object, built once at boot from the validated environment.
 * Modules inject it (`constructor(private readonly config: AppConfig)`) and read their namespace.
 */
export abstract class AppConfig {
  abstract readonly http: {
    readonly port: number;
    readonly host: string;
    readonly bodyLimit: string;
    /** Deepest nesting of objects and arrays a JSON body may have (checked before parsing). */
    readonly bodyMaxDepth: number;
    /** Most object keys a JSON body may have in all (and most fields a form body may have). */
    readonly bodyMaxKeys: number;
    /** Other origins whose pages may call the API (CORS); none: same origin only. */
    readonly corsOrigins: readonly string[];
  };
  abstract readonly database: {
    /** Absent means: run the embedded PGlite. */
    readonly url?: string;
    readonly schema: string;
    readonly poolSize: number;
    readonly dataDir: string;
    readonly runMigrations: boolean;
  };
  abstract readonly openai: {
    /** Absent means: run the built-in Realtime simulator. */
    readonly apiKey?: string;
    readonly baseUrl: string;
  };
  /** The built-in Realtime simulator, used only when `openai.apiKey` is absent. */
  abstract readonly simulator: {
    readonly port: number;
    /** Path of a scenario JSON file; the built-in demo scenario when absent. */
    readonly scenarioPath?: string;
    readonly inspection: boolean;
    /** How long after a committed turn its input transcription completes (0: at once). */
    readonly transcriptionDelayMs: number;
  };
  abstract readonly log: {
    readonly level: LogLevel;
  };
  /** Global session limits; agent profiles may tighten them. */
  abstract readonly sessions: {
    readonly maxDurationSeconds: number;
    /** Spoken warning this long before the duration cap (0 = none). */
    readonly warningSeconds: number;
    /** A session not connected by then stops counting and cannot connect. */
    readonly connectTimeoutSeconds: number;
    readonly maxPerUser: number;
    readonly maxPerTenant: number;
    readonly maxTotal: number;
    readonly clientSecretTtlSeconds: number;
    /** End the session when the browser changes the session or answers a tool call itself. */
    readonly hangUpOnTamper: boolean;
    /** A session nobody speaks in for this long is ended (0: never). */
    readonly idleSeconds: number;
    /** How often an open `GET /v1/sessions/{id}/events` stream looks for new entries. */
    readonly eventsPollMs: number;
    /** A replica owns a call's sideband for this long unless it renews (every third of it). */
    readonly sidebandLeaseSeconds: number;
    /** Built-in profiles, adjusted and extended by SWITCHBOARD_AGENT_PROFILES_FILE. */
    readonly agentProfiles: Readonly<Record<string, AgentProfile>>;
  };
  /** The cost meter: prices per model, and budgets that end sessions when spent. */
  abstract readonly cost: {
    readonly prices: PriceTable;
    /** Input transcription, billed apart from the Realtime model. */
    readonly transcriptionPrices: TranscriptionPriceTable;
    /** GPT-Live session time, USD per minute. */
    readonly livePrices: LivePriceTable;
    /** The Responses models behind Live sessions, USD per 1M tokens. */
    readonly backendPrices: BackendPriceTable;
    readonly sessionBudgetUsd: number;
    readonly userDailyBudgetUsd: number;
    readonly tenantMonthlyBudgetUsd: number;
  };
  /** The approval queue's worker and notifications. */
  abstract readonly approvals: {
    /** How often a replica looks for approved actions, expiries and ended sessions. */
    readonly pollMs: number;
    /** An executing action is presumed abandoned this long after its tool's timeout. */
    readonly leaseGraceSeconds: number;
    readonly webhookUrl?: string;
    readonly webhookSecret?: string;
  };
  /** Signing of audit exports (Ed25519, PKCS#8 PEM); generated per process when absent. */
  abstract readonly audit: {
    readonly signingKeyPem?: string;
  };
  /** The bundled demo shop (`src/tools`). */
  abstract readonly demo: {
    /** Its tools, their allowlist entries and its tables (own migrations); off in production. */
    readonly enabled: boolean;
    /** `issue_refund` above this amount waits for an approver. */
    readonly refundApprovalAboveUsd: number;
    /** The demo page may sign anyone in as a seeded demo user (a dev-only token endpoint). */
    readonly signIn: boolean;
  };
  /** How app users' bearer tokens are verified; neither secret nor JWKS means no user can sign in. */
  abstract readonly jwt: {
    /** HS256 shared secret. */
    readonly secret?: string;
    /** JWKS URL for asymmetric keys (RS256, PS256, ES256, EdDSA), cached and refreshed on rotation. */
    readonly jwksUrl?: string;
    readonly issuer?: string;
    readonly audience?: string;
    readonly clockSkewSeconds: number;
    /** After a JWKS fetch, no refetch for this long, even for an unknown `kid` (rate limit). */
    readonly jwksCooldownSeconds: number;
    readonly claims: { readonly user: string; readonly tenant: string; readonly roles: string };
    /** Whether the roles claim may also be one space-separated string instead of an array. */
    readonly rolesFormat: JwtRolesFormat;
  };
  /** Knowledge: uploads, the embedding model, the ingestion worker and retrieval. */
  abstract readonly knowledge: {
    /** A transformers.js model id or local path; the built-in default works offline. */
    readonly modelId: string;
    /** Where models are kept (the built-in one is converted into it on first use). */
    readonly modelCacheDir: string;
    readonly modelDtype: EmbeddingDtype;
    /** Whether transformers.js may download a model that is not in the cache (off: offline). */
    readonly allowRemoteModels: boolean;
    readonly maxUploadBytes: number;
    readonly maxPdfPages: number;
    /** Whether this replica runs ingestion jobs (every replica may; at most one per document). */
    readonly worker: boolean;
    readonly pollMs: number;
    /** A job is presumed abandoned when its worker has not reported for this long. */
    readonly jobLeaseSeconds: number;
    /** Scopes with at most this many chunks are searched exactly rather than through HNSW. */
    readonly exactScanBelow: number;
    readonly efSearch: number;
  };
  /** Knowledge in live calls (agent profiles' `grounding` may override the first two). */
  abstract readonly grounding: {
    /** App-user roles the central allowlist grants `search_knowledge` (the demo adds its own). */
    readonly toolRoles: readonly string[];
    /** The most a turn waits for its grounding (transcript and retrieval) before it is answered. */
    readonly budgetMs: number;
    readonly snippets: number;
    /** How often live sessions' given knowledge is checked for expiry. */
    readonly recheckSeconds: number;
  };
}
