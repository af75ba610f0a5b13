function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';
const LOG_LEVELS = [
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent'
];
/** `array`: the roles claim must be a JSON array. The other also takes one space-separated string. */ const JWT_ROLES_FORMATS = [
    'array',
    'array-or-space-separated'
];
const toInt = ({ value })=>typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toNumber = ({ value })=>typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value })=>{
    if (typeof value !== 'string') return value;
    const normalized = value.trim().toLowerCase();
    if ([
        'true',
        '1',
        'yes',
        'on'
    ].includes(normalized)) return true;
    if ([
        'false',
        '0',
        'no',
        'off'
    ].includes(normalized)) return false;
    return value;
};
/**
 * Every environment variable Switchboard reads, with its default and the rule it must satisfy.
 * `load-config.ts` validates it once at boot; the README's configuration table mirrors it.
 * Variables holding secrets are listed in `SECRET_VARIABLES` so their values never reach a message.
 */ /** The ONNX weight variants transformers.js loads (`q8`: `onnx/model_quantized.onnx`). */ export const EMBEDDING_DTYPES = [
    'fp32',
    'fp16',
    'q8',
    'int8',
    'uint8',
    'q4',
    'q4f16',
    'bnb4'
];
export class EnvironmentVariables {
    constructor(){
        this.PORT = 3000;
        this.HOST = '127.0.0.1';
        this.DATABASE_SCHEMA = 'public';
        this.DATABASE_POOL_SIZE = 10;
        this.SWITCHBOARD_DATA_DIR = './data/pglite';
        this.SWITCHBOARD_RUN_MIGRATIONS = true;
        this.SWITCHBOARD_BODY_LIMIT = '1mb';
        // Above ~2000 levels class-transformer overflows the stack; 256 keeps far below that.
        this.SWITCHBOARD_BODY_MAX_DEPTH = 32;
        this.SWITCHBOARD_BODY_MAX_KEYS = 1000;
        this.OPENAI_BASE_URL = 'https://api.openai.com/v1';
        this.SWITCHBOARD_SIMULATOR_PORT = 0;
        this.SWITCHBOARD_SIMULATOR_INSPECTION = false;
        this.SWITCHBOARD_JWT_CLOCK_SKEW_SECONDS = 30;
        this.SWITCHBOARD_JWT_JWKS_COOLDOWN_SECONDS = 30;
        this.SWITCHBOARD_JWT_USER_CLAIM = 'sub';
        this.SWITCHBOARD_JWT_TENANT_CLAIM = 'tenant';
        this.SWITCHBOARD_JWT_ROLES_CLAIM = 'roles';
        this.SWITCHBOARD_JWT_ROLES_FORMAT = 'array';
        this.SWITCHBOARD_SESSION_MAX_DURATION_SECONDS = 1800;
        this.SWITCHBOARD_SESSION_WARNING_SECONDS = 60;
        this.SWITCHBOARD_SESSION_CONNECT_TIMEOUT_SECONDS = 60;
        this.SWITCHBOARD_SESSIONS_PER_USER = 2;
        this.SWITCHBOARD_SESSIONS_PER_TENANT = 100;
        this.SWITCHBOARD_SESSIONS_TOTAL = 1000;
        this.SWITCHBOARD_CLIENT_SECRET_TTL_SECONDS = 30;
        this.SWITCHBOARD_TAMPER_HANGUP = true;
        this.SWITCHBOARD_SIDEBAND_LEASE_SECONDS = 15;
        this.SWITCHBOARD_SESSION_BUDGET_USD = 5;
        this.SWITCHBOARD_USER_DAILY_BUDGET_USD = 20;
        this.SWITCHBOARD_TENANT_MONTHLY_BUDGET_USD = 1000;
        this.SWITCHBOARD_DEMO = true;
        this.SWITCHBOARD_DEMO_REFUND_APPROVAL_ABOVE_USD = 100;
        this.SWITCHBOARD_APPROVAL_POLL_MS = 500;
        this.SWITCHBOARD_APPROVAL_LEASE_GRACE_SECONDS = 30;
        this.SWITCHBOARD_KNOWLEDGE_MODEL = 'Xenova/all-MiniLM-L6-v2';
        this.SWITCHBOARD_KNOWLEDGE_MODEL_CACHE_DIR = './data/models';
        this.SWITCHBOARD_KNOWLEDGE_MODEL_DTYPE = 'q8';
        this.SWITCHBOARD_KNOWLEDGE_ALLOW_REMOTE_MODELS = false;
        this.SWITCHBOARD_KNOWLEDGE_MAX_UPLOAD_BYTES = 10_485_760;
        this.SWITCHBOARD_KNOWLEDGE_MAX_PDF_PAGES = 300;
        this.SWITCHBOARD_KNOWLEDGE_WORKER = true;
        this.SWITCHBOARD_KNOWLEDGE_POLL_MS = 1000;
        this.SWITCHBOARD_KNOWLEDGE_JOB_LEASE_SECONDS = 60;
        this.SWITCHBOARD_KNOWLEDGE_EXACT_SCAN_BELOW = 3000;
        this.SWITCHBOARD_KNOWLEDGE_EF_SEARCH = 100;
        this.LOG_LEVEL = 'info';
    }
}
_ts_decorate([
    Transform(toInt),
    IsInt({
        message: 'must be an integer between 0 and 65535'
    }),
    Min(0, {
        message: 'must be an integer between 0 and 65535'
    }),
    Max(65535, {
        message: 'must be an integer between 0 and 65535'
    })
], EnvironmentVariables.prototype, "PORT", void 0);
_ts_decorate([
    IsString({
        message: 'must be a host name or IP address to listen on'
    }),
    MinLength(1, {
        message: 'must be a host name or IP address to listen on'
    })
], EnvironmentVariables.prototype, "HOST", void 0);
_ts_decorate([
    IsOptional(),
    Matches(/^postgres(ql)?:\/\/.+/, {
        message: 'must be a PostgreSQL URL such as postgres://user:password@host:5432/database'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "DATABASE_URL", void 0);
_ts_decorate([
    Matches(/^[a-z_][a-z0-9_]{0,62}$/, {
        message: 'must be a lower-case PostgreSQL schema name (letters, digits, underscore)'
    })
], EnvironmentVariables.prototype, "DATABASE_SCHEMA", void 0);
_ts_decorate([
    Transform(toInt),
    IsInt({
        message: 'must be an integer between 1 and 100'
    }),
    Min(1, {
        message: 'must be an integer between 1 and 100'
    }),
    Max(100, {
        message: 'must be an integer between 1 and 100'
    })
], EnvironmentVariables.prototype, "DATABASE_POOL_SIZE", void 0);
_ts_decorate([
    IsString({
        message: 'must be a directory path or memory://'
    }),
    MinLength(1, {
        message: 'must be a directory path or memory://'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_DATA_DIR", void 0);
_ts_decorate([
    Transform(toBool),
    IsBoolean({
        message: 'must be true or false'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_RUN_MIGRATIONS", void 0);
_ts_decorate([
    Matches(/^\d+(b|kb|mb)$/i, {
        message: 'must be a size such as 100kb or 1mb'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_BODY_LIMIT", void 0);
_ts_decorate([
    Transform(toInt),
    IsInt({
        message: 'must be an integer between 1 and 256'
    }),
    Min(1, {
        message: 'must be an integer between 1 and 256'
    }),
    Max(256, {
        message: 'must be an integer between 1 and 256'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_BODY_MAX_DEPTH", void 0);
_ts_decorate([
    Transform(toInt),
    IsInt({
        message: 'must be an integer between 1 and 100000'
    }),
    Min(1, {
        message: 'must be an integer between 1 and 100000'
    }),
    Max(100000, {
        message: 'must be an integer between 1 and 100000'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_BODY_MAX_KEYS", void 0);
_ts_decorate([
    IsOptional(),
    IsString({
        message: 'must be an OpenAI API key'
    }),
    MinLength(8, {
        message: 'must be an OpenAI API key'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "OPENAI_API_KEY", void 0);
_ts_decorate([
    IsUrl({
        require_tld: false,
        protocols: [
            'http',
            'https'
        ],
        require_protocol: true
    }, {
        message: 'must be an http(s) URL such as https://api.openai.com/v1'
    })
], EnvironmentVariables.prototype, "OPENAI_BASE_URL", void 0);
_ts_decorate([
    Transform(toInt),
    IsInt({
        message: 'must be an integer between 0 and 65535'
    }),
    Min(0, {
        message: 'must be an integer between 0 and 65535'
    }),
    Max(65535, {
        message: 'must be an integer between 0 and 65535'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_SIMULATOR_PORT", void 0);
_ts_decorate([
    IsOptional(),
    IsString({
        message: 'must be the path of a scenario JSON file'
    }),
    MinLength(1, {
        message: 'must be the path of a scenario JSON file'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "SWITCHBOARD_SIMULATOR_SCENARIO", void 0);
_ts_decorate([
    Transform(toBool),
    IsBoolean({
        message: 'must be true or false'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_SIMULATOR_INSPECTION", void 0);
_ts_decorate([
    IsOptional(),
    IsString({
        message: 'must be a shared secret of at least 32 characters'
    }),
    MinLength(32, {
        message: 'must be a shared secret of at least 32 characters'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "SWITCHBOARD_JWT_SECRET", void 0);
_ts_decorate([
    IsOptional(),
    IsUrl({
        require_tld: false,
        protocols: [
            'http',
            'https'
        ],
        require_protocol: true
    }, {
        message: 'must be the http(s) URL of a JWKS document'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "SWITCHBOARD_JWT_JWKS_URL", void 0);
_ts_decorate([
    IsOptional(),
    IsString({
        message: 'must be the expected iss claim'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "SWITCHBOARD_JWT_ISSUER", void 0);
_ts_decorate([
    IsOptional(),
    IsString({
        message: 'must be the expected aud claim'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "SWITCHBOARD_JWT_AUDIENCE", void 0);
_ts_decorate([
    Transform(toInt),
    IsInt({
        message: 'must be an integer between 0 and 300'
    }),
    Min(0, {
        message: 'must be an integer between 0 and 300'
    }),
    Max(300, {
        message: 'must be an integer between 0 and 300'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_JWT_CLOCK_SKEW_SECONDS", void 0);
_ts_decorate([
    Transform(toInt),
    IsInt({
        message: 'must be an integer between 0 and 3600'
    }),
    Min(0, {
        message: 'must be an integer between 0 and 3600'
    }),
    Max(3600, {
        message: 'must be an integer between 0 and 3600'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_JWT_JWKS_COOLDOWN_SECONDS", void 0);
_ts_decorate([
    Matches(/^[A-Za-z0-9_.:/-]+$/, {
        message: 'must be a claim name'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_JWT_USER_CLAIM", void 0);
_ts_decorate([
    Matches(/^[A-Za-z0-9_.:/-]+$/, {
        message: 'must be a claim name'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_JWT_TENANT_CLAIM", void 0);
_ts_decorate([
    Matches(/^[A-Za-z0-9_.:/-]+$/, {
        message: 'must be a claim name'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_JWT_ROLES_CLAIM", void 0);
_ts_decorate([
    IsIn(JWT_ROLES_FORMATS, {
        message: `must be one of ${JWT_ROLES_FORMATS.join(', ')}`
    }),
    _ts_metadata("design:type", typeof JwtRolesFormat === "undefined" ? Object : JwtRolesFormat)
], EnvironmentVariables.prototype, "SWITCHBOARD_JWT_ROLES_FORMAT", void 0);
_ts_decorate([
    Transform(toInt),
    IsInt({
        message: 'must be an integer between 10 and 7200'
    }),
    Min(10, {
        message: 'must be an integer between 10 and 7200'
    }),
    Max(7200, {
        message: 'must be an integer between 10 and 7200'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_SESSION_MAX_DURATION_SECONDS", void 0);
_ts_decorate([
    Transform(toInt),
    IsInt({
        message: 'must be an integer between 0 and 600'
    }),
    Min(0, {
        message: 'must be an integer between 0 and 600'
    }),
    Max(600, {
        message: 'must be an integer between 0 and 600'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_SESSION_WARNING_SECONDS", void 0);
_ts_decorate([
    Transform(toInt),
    IsInt({
        message: 'must be an integer between 5 and 600'
    }),
    Min(5, {
        message: 'must be an integer between 5 and 600'
    }),
    Max(600, {
        message: 'must be an integer between 5 and 600'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_SESSION_CONNECT_TIMEOUT_SECONDS", void 0);
_ts_decorate([
    Transform(toInt),
    IsInt({
        message: 'must be an integer between 1 and 1000'
    }),
    Min(1, {
        message: 'must be an integer between 1 and 1000'
    }),
    Max(1000, {
        message: 'must be an integer between 1 and 1000'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_SESSIONS_PER_USER", void 0);
_ts_decorate([
    Transform(toInt),
    IsInt({
        message: 'must be an integer between 1 and 100000'
    }),
    Min(1, {
        message: 'must be an integer between 1 and 100000'
    }),
    Max(100000, {
        message: 'must be an integer between 1 and 100000'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_SESSIONS_PER_TENANT", void 0);
_ts_decorate([
    Transform(toInt),
    IsInt({
        message: 'must be an integer between 1 and 1000000'
    }),
    Min(1, {
        message: 'must be an integer between 1 and 1000000'
    }),
    Max(1000000, {
        message: 'must be an integer between 1 and 1000000'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_SESSIONS_TOTAL", void 0);
_ts_decorate([
    Transform(toInt),
    IsInt({
        message: 'must be an integer between 10 and 600'
    }),
    Min(10, {
        message: 'must be an integer between 10 and 600'
    }),
    Max(600, {
        message: 'must be an integer between 10 and 600'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_CLIENT_SECRET_TTL_SECONDS", void 0);
_ts_decorate([
    Transform(toBool),
    IsBoolean({
        message: 'must be true or false'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_TAMPER_HANGUP", void 0);
_ts_decorate([
    Transform(toInt),
    IsInt({
        message: 'must be an integer between 3 and 300'
    }),
    Min(3, {
        message: 'must be an integer between 3 and 300'
    }),
    Max(300, {
        message: 'must be an integer between 3 and 300'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_SIDEBAND_LEASE_SECONDS", void 0);
_ts_decorate([
    Transform(toNumber),
    IsNumber({}, {
        message: 'must be a positive amount in USD, e.g. 2.50'
    }),
    Min(0.000001, {
        message: 'must be a positive amount in USD, e.g. 2.50'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_SESSION_BUDGET_USD", void 0);
_ts_decorate([
    Transform(toNumber),
    IsNumber({}, {
        message: 'must be a positive amount in USD, e.g. 20'
    }),
    Min(0.000001, {
        message: 'must be a positive amount in USD, e.g. 20'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_USER_DAILY_BUDGET_USD", void 0);
_ts_decorate([
    Transform(toNumber),
    IsNumber({}, {
        message: 'must be a positive amount in USD, e.g. 1000'
    }),
    Min(0.000001, {
        message: 'must be a positive amount in USD, e.g. 1000'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_TENANT_MONTHLY_BUDGET_USD", void 0);
_ts_decorate([
    IsOptional(),
    IsString({
        message: 'must be a JSON object of model prices per 1M tokens'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "SWITCHBOARD_PRICE_TABLE", void 0);
_ts_decorate([
    IsOptional(),
    IsString({
        message: 'must be a JSON object of transcription model prices'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "SWITCHBOARD_TRANSCRIPTION_PRICE_TABLE", void 0);
_ts_decorate([
    IsOptional(),
    IsString({
        message: 'must be the path of a JSON file of agent profiles'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "SWITCHBOARD_AGENT_PROFILES_FILE", void 0);
_ts_decorate([
    Transform(toBool),
    IsBoolean({
        message: 'must be true or false'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_DEMO", void 0);
_ts_decorate([
    Transform(toNumber),
    IsNumber({}, {
        message: 'must be an amount in USD, e.g. 100'
    }),
    Min(0, {
        message: 'must be an amount in USD, e.g. 100'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_DEMO_REFUND_APPROVAL_ABOVE_USD", void 0);
_ts_decorate([
    Transform(toNumber),
    IsInt({
        message: 'must be a whole number of milliseconds (50-60000)'
    }),
    Min(50, {
        message: 'must be a whole number of milliseconds (50-60000)'
    }),
    Max(60_000, {
        message: 'must be a whole number of milliseconds (50-60000)'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_APPROVAL_POLL_MS", void 0);
_ts_decorate([
    Transform(toNumber),
    IsInt({
        message: 'must be a whole number of seconds (1-3600)'
    }),
    Min(1, {
        message: 'must be a whole number of seconds (1-3600)'
    }),
    Max(3600, {
        message: 'must be a whole number of seconds (1-3600)'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_APPROVAL_LEASE_GRACE_SECONDS", void 0);
_ts_decorate([
    IsOptional(),
    IsUrl({
        require_tld: false,
        protocols: [
            'http',
            'https'
        ],
        require_protocol: true
    }, {
        message: 'must be the http(s) URL that receives approval notifications'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "SWITCHBOARD_APPROVAL_WEBHOOK_URL", void 0);
_ts_decorate([
    IsOptional(),
    Matches(/^whsec_[A-Za-z0-9+/=]{24,}$/, {
        message: 'must be a Standard Webhooks secret: whsec_ followed by base64 (at least 24 characters)'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "SWITCHBOARD_APPROVAL_WEBHOOK_SECRET", void 0);
_ts_decorate([
    IsOptional(),
    Matches(/-----BEGIN PRIVATE KEY-----[\s\S]+-----END PRIVATE KEY-----/, {
        message: 'must be an Ed25519 private key in PKCS#8 PEM (npm run cli -- audit-key generate)'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "SWITCHBOARD_AUDIT_SIGNING_KEY", void 0);
_ts_decorate([
    Matches(/^[\w./@:+-]{1,200}$/, {
        message: 'must be a transformers.js model id (e.g. Xenova/all-MiniLM-L6-v2) or a local path'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_KNOWLEDGE_MODEL", void 0);
_ts_decorate([
    IsString({
        message: 'must be a directory path'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_KNOWLEDGE_MODEL_CACHE_DIR", void 0);
_ts_decorate([
    IsIn(EMBEDDING_DTYPES, {
        message: `must be one of ${EMBEDDING_DTYPES.join(', ')}`
    }),
    _ts_metadata("design:type", typeof EmbeddingDtype === "undefined" ? Object : EmbeddingDtype)
], EnvironmentVariables.prototype, "SWITCHBOARD_KNOWLEDGE_MODEL_DTYPE", void 0);
_ts_decorate([
    Transform(toBool),
    IsBoolean({
        message: 'must be true or false'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_KNOWLEDGE_ALLOW_REMOTE_MODELS", void 0);
_ts_decorate([
    Transform(toNumber),
    IsInt({
        message: 'must be a whole number of bytes (1024-104857600)'
    }),
    Min(1024, {
        message: 'must be a whole number of bytes (1024-104857600)'
    }),
    Max(104_857_600, {
        message: 'must be a whole number of bytes (1024-104857600)'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_KNOWLEDGE_MAX_UPLOAD_BYTES", void 0);
_ts_decorate([
    Transform(toNumber),
    IsInt({
        message: 'must be a whole number of pages (1-5000)'
    }),
    Min(1, {
        message: 'must be a whole number of pages (1-5000)'
    }),
    Max(5000, {
        message: 'must be a whole number of pages (1-5000)'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_KNOWLEDGE_MAX_PDF_PAGES", void 0);
_ts_decorate([
    Transform(toBool),
    IsBoolean({
        message: 'must be true or false'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_KNOWLEDGE_WORKER", void 0);
_ts_decorate([
    Transform(toNumber),
    IsInt({
        message: 'must be a whole number of milliseconds (50-60000)'
    }),
    Min(50, {
        message: 'must be a whole number of milliseconds (50-60000)'
    }),
    Max(60_000, {
        message: 'must be a whole number of milliseconds (50-60000)'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_KNOWLEDGE_POLL_MS", void 0);
_ts_decorate([
    Transform(toNumber),
    IsInt({
        message: 'must be a whole number of seconds (5-3600)'
    }),
    Min(5, {
        message: 'must be a whole number of seconds (5-3600)'
    }),
    Max(3600, {
        message: 'must be a whole number of seconds (5-3600)'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_KNOWLEDGE_JOB_LEASE_SECONDS", void 0);
_ts_decorate([
    Transform(toNumber),
    IsInt({
        message: 'must be a whole number of chunks (0-1000000)'
    }),
    Min(0, {
        message: 'must be a whole number of chunks (0-1000000)'
    }),
    Max(1_000_000, {
        message: 'must be a whole number of chunks (0-1000000)'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_KNOWLEDGE_EXACT_SCAN_BELOW", void 0);
_ts_decorate([
    Transform(toNumber),
    IsInt({
        message: 'must be a whole number (10-1000)'
    }),
    Min(10, {
        message: 'must be a whole number (10-1000)'
    }),
    Max(1000, {
        message: 'must be a whole number (10-1000)'
    })
], EnvironmentVariables.prototype, "SWITCHBOARD_KNOWLEDGE_EF_SEARCH", void 0);
_ts_decorate([
    IsIn(LOG_LEVELS, {
        message: `must be one of ${LOG_LEVELS.join(', ')}`
    }),
    _ts_metadata("design:type", typeof LogLevel === "undefined" ? Object : LogLevel)
], EnvironmentVariables.prototype, "LOG_LEVEL", void 0);
/** Variables whose values are never echoed back, not even in a validation error. */ export const SECRET_VARIABLES = new Set([
    'DATABASE_URL',
    'OPENAI_API_KEY',
    'SWITCHBOARD_JWT_SECRET',
    'SWITCHBOARD_APPROVAL_WEBHOOK_SECRET',
    'SWITCHBOARD_AUDIT_SIGNING_KEY'
]);
/** Optional variables (no default), listed so the loader picks them up from the environment. */ export const OPTIONAL_VARIABLES = [
    'DATABASE_URL',
    'OPENAI_API_KEY',
    'SWITCHBOARD_SIMULATOR_SCENARIO',
    'SWITCHBOARD_JWT_SECRET',
    'SWITCHBOARD_JWT_JWKS_URL',
    'SWITCHBOARD_JWT_ISSUER',
    'SWITCHBOARD_JWT_AUDIENCE',
    'SWITCHBOARD_PRICE_TABLE',
    'SWITCHBOARD_TRANSCRIPTION_PRICE_TABLE',
    'SWITCHBOARD_AGENT_PROFILES_FILE',
    'SWITCHBOARD_APPROVAL_WEBHOOK_URL',
    'SWITCHBOARD_APPROVAL_WEBHOOK_SECRET',
    'SWITCHBOARD_AUDIT_SIGNING_KEY'
];

//# sourceMappingURL=env.schema.js.map