import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `array`: the roles claim must be a JSON array. The other also takes one space-separated string. */
const JWT_ROLES_FORMATS = ['array', 'array-or-space-separated'] as const;
export type JwtRolesFormat = (typeof JWT_ROLES_FORMATS)[number];

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

const toNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;

const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const normalized = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalized)) return true;
  if (['false', '0', 'no', 'off'].includes(normalized)) return false;
  return value;
};

/**
 * Every environment variable Switchboard reads, with its default and the rule it must satisfy.
 * `load-config.ts` validates it once at boot; the README's configuration table mirrors it.
 * Variables holding secrets are listed in `SECRET_VARIABLES` so their values never reach a message.
 */
/** The ONNX weight variants transformers.js loads (`q8`: `onnx/model_quantized.onnx`). */
export const EMBEDDING_DTYPES = [
  'fp32',
  'fp16',
  'q8',
  'int8',
  'uint8',
  'q4',
  'q4f16',
  'bnb4',
] as const;
export type EmbeddingDtype = (typeof EMBEDDING_DTYPES)[number];

export class EnvironmentVariables {
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 0 and 65535' })
  @Min(0, { message: 'must be an integer between 0 and 65535' })
  @Max(65535, { message: 'must be an integer between 0 and 65535' })
  PORT = 3000;

  @IsString({ message: 'must be a host name or IP address to listen on' })
  @MinLength(1, { message: 'must be a host name or IP address to listen on' })
  HOST = '127.0.0.1';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'must be a PostgreSQL URL such as postgres://user:password@host:5432/database',
  })
  DATABASE_URL?: string;

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, {
    message: 'must be a lower-case PostgreSQL schema name (letters, digits, underscore)',
  })
  DATABASE_SCHEMA = 'public';

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 100' })
  @Min(1, { message: 'must be an integer between 1 and 100' })
  @Max(100, { message: 'must be an integer between 1 and 100' })
  DATABASE_POOL_SIZE = 10;

  @IsString({ message: 'must be a directory path or memory://' })
  @MinLength(1, { message: 'must be a directory path or memory://' })
  SWITCHBOARD_DATA_DIR = './data/pglite';

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  SWITCHBOARD_RUN_MIGRATIONS = true;

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must be a size such as 100kb or 1mb' })
  SWITCHBOARD_BODY_LIMIT = '1mb';

  // Above ~2000 levels class-transformer overflows the stack; 256 keeps far below that.
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 256' })
  @Min(1, { message: 'must be an integer between 1 and 256' })
  @Max(256, { message: 'must be an integer between 1 and 256' })
  SWITCHBOARD_BODY_MAX_DEPTH = 32;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 100000' })
  @Min(1, { message: 'must be an integer between 1 and 100000' })
  @Max(100000, { message: 'must be an integer between 1 and 100000' })
  SWITCHBOARD_BODY_MAX_KEYS = 1000;

  @IsOptional()
  @IsString({ message: 'must be an OpenAI API key' })
  @MinLength(8, { message: 'must be an OpenAI API key' })
  OPENAI_API_KEY?: string;

  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'must be an http(s) URL such as https://api.openai.com/v1' },
  )
  OPENAI_BASE_URL = 'https://api.openai.com/v1';

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 0 and 65535' })
  @Min(0, { message: 'must be an integer between 0 and 65535' })
  @Max(65535, { message: 'must be an integer between 0 and 65535' })
  SWITCHBOARD_SIMULATOR_PORT = 0;

  @IsOptional()
  @IsString({ message: 'must be the path of a scenario JSON file' })
  @MinLength(1, { message: 'must be the path of a scenario JSON file' })
  SWITCHBOARD_SIMULATOR_SCENARIO?: string;

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  SWITCHBOARD_SIMULATOR_INSPECTION = false;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds (0-10000)' })
  @Min(0, { message: 'must be a whole number of milliseconds (0-10000)' })
  @Max(10_000, { message: 'must be a whole number of milliseconds (0-10000)' })
  SWITCHBOARD_SIMULATOR_TRANSCRIPTION_DELAY_MS = 0;

  @IsOptional()
  @IsString({ message: 'must be a shared secret of at least 32 characters' })
  @MinLength(32, { message: 'must be a shared secret of at least 32 characters' })
  SWITCHBOARD_JWT_SECRET?: string;

  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'must be the http(s) URL of a JWKS document' },
  )
  SWITCHBOARD_JWT_JWKS_URL?: string;

  @IsOptional()
  @IsString({ message: 'must be the expected iss claim' })
  SWITCHBOARD_JWT_ISSUER?: string;

  @IsOptional()
  @IsString({ message: 'must be the expected aud claim' })
  SWITCHBOARD_JWT_AUDIENCE?: string;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 0 and 300' })
  @Min(0, { message: 'must be an integer between 0 and 300' })
  @Max(300, { message: 'must be an integer between 0 and 300' })
  SWITCHBOARD_JWT_CLOCK_SKEW_SECONDS = 30;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 0 and 3600' })
  @Min(0, { message: 'must be an integer between 0 and 3600' })
  @Max(3600, { message: 'must be an integer between 0 and 3600' })
  SWITCHBOARD_JWT_JWKS_COOLDOWN_SECONDS = 30;

  @Matches(/^[A-Za-z0-9_.:/-]+$/, { message: 'must be a claim name' })
  SWITCHBOARD_JWT_USER_CLAIM = 'sub';

  @Matches(/^[A-Za-z0-9_.:/-]+$/, { message: 'must be a claim name' })
  SWITCHBOARD_JWT_TENANT_CLAIM = 'tenant';

  @Matches(/^[A-Za-z0-9_.:/-]+$/, { message: 'must be a claim name' })
  SWITCHBOARD_JWT_ROLES_CLAIM = 'roles';

  @IsIn(JWT_ROLES_FORMATS, { message: `must be one of ${JWT_ROLES_FORMATS.join(', ')}` })
  SWITCHBOARD_JWT_ROLES_FORMAT: JwtRolesFormat = 'array';

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 10 and 7200' })
  @Min(10, { message: 'must be an integer between 10 and 7200' })
  @Max(7200, { message: 'must be an integer between 10 and 7200' })
  SWITCHBOARD_SESSION_MAX_DURATION_SECONDS = 1800;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 0 and 600' })
  @Min(0, { message: 'must be an integer between 0 and 600' })
  @Max(600, { message: 'must be an integer between 0 and 600' })
  SWITCHBOARD_SESSION_WARNING_SECONDS = 60;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 0 and 7200' })
  @Min(0, { message: 'must be an integer between 0 and 7200' })
  @Max(7200, { message: 'must be an integer between 0 and 7200' })
  SWITCHBOARD_SESSION_IDLE_SECONDS = 300;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds (50-5000)' })
  @Min(50, { message: 'must be a whole number of milliseconds (50-5000)' })
  @Max(5000, { message: 'must be a whole number of milliseconds (50-5000)' })
  SWITCHBOARD_SESSION_EVENTS_POLL_MS = 250;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 5 and 600' })
  @Min(5, { message: 'must be an integer between 5 and 600' })
  @Max(600, { message: 'must be an integer between 5 and 600' })
  SWITCHBOARD_SESSION_CONNECT_TIMEOUT_SECONDS = 60;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 1000' })
  @Min(1, { message: 'must be an integer between 1 and 1000' })
  @Max(1000, { message: 'must be an integer between 1 and 1000' })
  SWITCHBOARD_SESSIONS_PER_USER = 2;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 100000' })
  @Min(1, { message: 'must be an integer between 1 and 100000' })
  @Max(100000, { message: 'must be an integer between 1 and 100000' })
  SWITCHBOARD_SESSIONS_PER_TENANT = 100;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 1000000' })
  @Min(1, { message: 'must be an integer between 1 and 1000000' })
  @Max(1000000, { message: 'must be an integer between 1 and 1000000' })
  SWITCHBOARD_SESSIONS_TOTAL = 1000;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 10 and 600' })
  @Min(10, { message: 'must be an integer between 10 and 600' })
  @Max(600, { message: 'must be an integer between 10 and 600' })
  SWITCHBOARD_CLIENT_SECRET_TTL_SECONDS = 30;

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  SWITCHBOARD_TAMPER_HANGUP = true;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 3 and 300' })
  @Min(3, { message: 'must be an integer between 3 and 300' })
  @Max(300, { message: 'must be an integer between 3 and 300' })
  SWITCHBOARD_SIDEBAND_LEASE_SECONDS = 15;

  @Transform(toNumber)
  @IsNumber({}, { message: 'must be a positive amount in USD, e.g. 2.50' })
  @Min(0.000001, { message: 'must be a positive amount in USD, e.g. 2.50' })
  SWITCHBOARD_SESSION_BUDGET_USD = 5;

  @Transform(toNumber)
  @IsNumber({}, { message: 'must be a positive amount in USD, e.g. 20' })
  @Min(0.000001, { message: 'must be a positive amount in USD, e.g. 20' })
  SWITCHBOARD_USER_DAILY_BUDGET_USD = 20;

  @Transform(toNumber)
  @IsNumber({}, { message: 'must be a positive amount in USD, e.g. 1000' })
  @Min(0.000001, { message: 'must be a positive amount in USD, e.g. 1000' })
  SWITCHBOARD_TENANT_MONTHLY_BUDGET_USD = 1000;

  @IsOptional()
  @IsString({ message: 'must be a JSON object of model prices per 1M tokens' })
  SWITCHBOARD_PRICE_TABLE?: string;

  @IsOptional()
  @IsString({ message: 'must be a JSON object of transcription model prices' })
  SWITCHBOARD_TRANSCRIPTION_PRICE_TABLE?: string;

  @IsOptional()
  @IsString({ message: 'must be a JSON object of GPT-Live model prices per minute' })
  SWITCHBOARD_LIVE_PRICE_TABLE?: string;

  @IsOptional()
  @IsString({ message: 'must be a JSON object of backend model prices per 1M tokens' })
  SWITCHBOARD_BACKEND_PRICE_TABLE?: string;

  @IsOptional()
  @IsString({ message: 'must be the path of a JSON file of agent profiles' })
  SWITCHBOARD_AGENT_PROFILES_FILE?: string;

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  SWITCHBOARD_DEMO = true;

  @Transform(toNumber)
  @IsNumber({}, { message: 'must be an amount in USD, e.g. 100' })
  @Min(0, { message: 'must be an amount in USD, e.g. 100' })
  SWITCHBOARD_DEMO_REFUND_APPROVAL_ABOVE_USD = 100;

  /** The demo page's "sign in as a demo user": a token for anyone who asks. Never in production. */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  SWITCHBOARD_DEMO_SIGN_IN = false;

  /** Origins (scheme://host[:port]) whose pages may call the API from the browser. */
  @IsOptional()
  @Matches(/^\s*https?:\/\/[^\s,/]+\s*(,\s*https?:\/\/[^\s,/]+\s*)*$/, {
    message:
      'must be a comma-separated list of origins such as https://app.example.com,http://localhost:5173',
  })
  SWITCHBOARD_CORS_ORIGINS?: string;

  @Transform(toNumber)
  @IsInt({ message: 'must be a whole number of milliseconds (50-60000)' })
  @Min(50, { message: 'must be a whole number of milliseconds (50-60000)' })
  @Max(60_000, { message: 'must be a whole number of milliseconds (50-60000)' })
  SWITCHBOARD_APPROVAL_POLL_MS = 500;

  @Transform(toNumber)
  @IsInt({ message: 'must be a whole number of seconds (1-3600)' })
  @Min(1, { message: 'must be a whole number of seconds (1-3600)' })
  @Max(3600, { message: 'must be a whole number of seconds (1-3600)' })
  SWITCHBOARD_APPROVAL_LEASE_GRACE_SECONDS = 30;

  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'must be the http(s) URL that receives approval notifications' },
  )
  SWITCHBOARD_APPROVAL_WEBHOOK_URL?: string;

  @IsOptional()
  @Matches(/^whsec_[A-Za-z0-9+/=]{24,}$/, {
    message:
      'must be a Standard Webhooks secret: whsec_ followed by base64 (at least 24 characters)',
  })
  SWITCHBOARD_APPROVAL_WEBHOOK_SECRET?: string;

  @IsOptional()
  @Matches(/-----BEGIN PRIVATE KEY-----[\s\S]+-----END PRIVATE KEY-----/, {
    message: 'must be an Ed25519 private key in PKCS#8 PEM (npm run cli -- audit-key generate)',
  })
  SWITCHBOARD_AUDIT_SIGNING_KEY?: string;

  @Matches(/^[\w./@:+-]{1,200}$/, {
    message: 'must be a transformers.js model id (e.g. Xenova/all-MiniLM-L6-v2) or a local path',
  })
  SWITCHBOARD_KNOWLEDGE_MODEL = 'Xenova/all-MiniLM-L6-v2';

  @IsString({ message: 'must be a directory path' })
  SWITCHBOARD_KNOWLEDGE_MODEL_CACHE_DIR = './data/models';

  @IsIn(EMBEDDING_DTYPES, { message: `must be one of ${EMBEDDING_DTYPES.join(', ')}` })
  SWITCHBOARD_KNOWLEDGE_MODEL_DTYPE: EmbeddingDtype = 'q8';

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  SWITCHBOARD_KNOWLEDGE_ALLOW_REMOTE_MODELS = false;

  @Transform(toNumber)
  @IsInt({ message: 'must be a whole number of bytes (1024-104857600)' })
  @Min(1024, { message: 'must be a whole number of bytes (1024-104857600)' })
  @Max(104_857_600, { message: 'must be a whole number of bytes (1024-104857600)' })
  SWITCHBOARD_KNOWLEDGE_MAX_UPLOAD_BYTES = 10_485_760;

  @Transform(toNumber)
  @IsInt({ message: 'must be a whole number of pages (1-5000)' })
  @Min(1, { message: 'must be a whole number of pages (1-5000)' })
  @Max(5000, { message: 'must be a whole number of pages (1-5000)' })
  SWITCHBOARD_KNOWLEDGE_MAX_PDF_PAGES = 300;

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  SWITCHBOARD_KNOWLEDGE_WORKER = true;

  @Transform(toNumber)
  @IsInt({ message: 'must be a whole number of milliseconds (50-60000)' })
  @Min(50, { message: 'must be a whole number of milliseconds (50-60000)' })
  @Max(60_000, { message: 'must be a whole number of milliseconds (50-60000)' })
  SWITCHBOARD_KNOWLEDGE_POLL_MS = 1000;

  @Transform(toNumber)
  @IsInt({ message: 'must be a whole number of seconds (5-3600)' })
  @Min(5, { message: 'must be a whole number of seconds (5-3600)' })
  @Max(3600, { message: 'must be a whole number of seconds (5-3600)' })
  SWITCHBOARD_KNOWLEDGE_JOB_LEASE_SECONDS = 60;

  @Transform(toNumber)
  @IsInt({ message: 'must be a whole number of chunks (0-1000000)' })
  @Min(0, { message: 'must be a whole number of chunks (0-1000000)' })
  @Max(1_000_000, { message: 'must be a whole number of chunks (0-1000000)' })
  SWITCHBOARD_KNOWLEDGE_EXACT_SCAN_BELOW = 3000;

  @Transform(toNumber)
  @IsInt({ message: 'must be a whole number (10-1000)' })
  @Min(10, { message: 'must be a whole number (10-1000)' })
  @Max(1000, { message: 'must be a whole number (10-1000)' })
  SWITCHBOARD_KNOWLEDGE_EF_SEARCH = 100;

  @Transform(toNumber)
  @IsInt({ message: 'must be a whole number of milliseconds (1-5000)' })
  @Min(1, { message: 'must be a whole number of milliseconds (1-5000)' })
  @Max(5000, { message: 'must be a whole number of milliseconds (1-5000)' })
  SWITCHBOARD_GROUNDING_BUDGET_MS = 250;

  /** App-user roles that may call `search_knowledge`, comma-separated (none: nobody). */
  @Matches(/^\s*([A-Za-z0-9_.:-]+\s*(,\s*[A-Za-z0-9_.:-]+\s*)*)?$/, {
    message: 'must be role names separated by commas, e.g. customer,agent',
  })
  SWITCHBOARD_KNOWLEDGE_TOOL_ROLES = '';

  @Transform(toNumber)
  @IsInt({ message: 'must be a whole number of snippets (1-8)' })
  @Min(1, { message: 'must be a whole number of snippets (1-8)' })
  @Max(8, { message: 'must be a whole number of snippets (1-8)' })
  SWITCHBOARD_GROUNDING_SNIPPETS = 3;

  @Transform(toNumber)
  @IsInt({ message: 'must be a whole number of seconds (1-3600)' })
  @Min(1, { message: 'must be a whole number of seconds (1-3600)' })
  @Max(3600, { message: 'must be a whole number of seconds (1-3600)' })
  SWITCHBOARD_GROUNDING_RECHECK_SECONDS = 30;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';
}

/** Variables whose values are never echoed back, not even in a validation error. */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set([
  'DATABASE_URL',
  'OPENAI_API_KEY',
  'SWITCHBOARD_JWT_SECRET',
  'SWITCHBOARD_APPROVAL_WEBHOOK_SECRET',
  'SWITCHBOARD_AUDIT_SIGNING_KEY',
]);

/** Optional variables (no default), listed so the loader picks them up from the environment. */
export const OPTIONAL_VARIABLES = [
  'DATABASE_URL',
  'OPENAI_API_KEY',
  'SWITCHBOARD_SIMULATOR_SCENARIO',
  'SWITCHBOARD_JWT_SECRET',
  'SWITCHBOARD_JWT_JWKS_URL',
  'SWITCHBOARD_JWT_ISSUER',
  'SWITCHBOARD_JWT_AUDIENCE',
  'SWITCHBOARD_PRICE_TABLE',
  'SWITCHBOARD_TRANSCRIPTION_PRICE_TABLE',
  'SWITCHBOARD_LIVE_PRICE_TABLE',
  'SWITCHBOARD_BACKEND_PRICE_TABLE',
  'SWITCHBOARD_AGENT_PROFILES_FILE',
  'SWITCHBOARD_APPROVAL_WEBHOOK_URL',
  'SWITCHBOARD_APPROVAL_WEBHOOK_SECRET',
  'SWITCHBOARD_AUDIT_SIGNING_KEY',
  'SWITCHBOARD_CORS_ORIGINS',
] as const;
