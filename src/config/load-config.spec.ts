import { ConfigError, loadConfig } from './load-config.js';

describe(loadConfig.name, () => {
  it('applies documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({
      port: 3000,
      host: '127.0.0.1',
      bodyLimit: '1mb',
      bodyMaxDepth: 32,
      bodyMaxKeys: 1000,
      corsOrigins: [],
    });
    expect(config.jwt.rolesFormat).toBe('array');
    expect(config.database).toEqual({
      url: undefined,
      schema: 'public',
      poolSize: 10,
      dataDir: './data/pglite',
      runMigrations: true,
    });
    expect(config.openai).toEqual({ apiKey: undefined, baseUrl: 'https://api.openai.com/v1' });
    expect(config.log.level).toBe('info');
  });

  it('parses numbers, booleans and strips a trailing slash from the OpenAI URL', () => {
    const config = loadConfig({
      PORT: '8080',
      SWITCHBOARD_RUN_MIGRATIONS: 'false',
      OPENAI_BASE_URL: 'http://127.0.0.1:8787/v1/',
    });
    expect(config.http.port).toBe(8080);
    expect(config.database.runMigrations).toBe(false);
    expect(config.openai.baseUrl).toBe('http://127.0.0.1:8787/v1');
  });

  it('turns the demo shop on by default and off with SWITCHBOARD_DEMO=false', () => {
    expect(loadConfig({}).demo).toEqual({
      enabled: true,
      refundApprovalAboveUsd: 100,
      signIn: false,
    });
    expect(loadConfig({ SWITCHBOARD_DEMO: 'false' }).demo.enabled).toBe(false);
    expect(loadConfig({ SWITCHBOARD_DEMO: 'off' }).demo.enabled).toBe(false);
  });

  it('turns demo sign-in on only when asked, with the demo shop and a JWT secret', () => {
    const secret = 'x'.repeat(32);
    expect(
      loadConfig({ SWITCHBOARD_DEMO_SIGN_IN: 'true', SWITCHBOARD_JWT_SECRET: secret }).demo.signIn,
    ).toBe(true);
    expect(() => loadConfig({ SWITCHBOARD_DEMO_SIGN_IN: 'true' })).toThrow(
      /SWITCHBOARD_DEMO_SIGN_IN needs SWITCHBOARD_JWT_SECRET/,
    );
    expect(() =>
      loadConfig({
        SWITCHBOARD_DEMO_SIGN_IN: 'true',
        SWITCHBOARD_DEMO: 'false',
        SWITCHBOARD_JWT_SECRET: secret,
      }),
    ).toThrow(/SWITCHBOARD_DEMO_SIGN_IN needs SWITCHBOARD_DEMO=true/);
  });

  it('reads the CORS origins, and refuses what is not an origin', () => {
    expect(loadConfig({}).http.corsOrigins).toEqual([]);
    expect(
      loadConfig({ SWITCHBOARD_CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' })
        .http.corsOrigins,
    ).toEqual(['https://app.example.com', 'http://localhost:5173']);
    expect(() => loadConfig({ SWITCHBOARD_CORS_ORIGINS: 'https://app.example.com/path' })).toThrow(
      /SWITCHBOARD_CORS_ORIGINS must be a comma-separated list of origins/,
    );
    expect(() => loadConfig({ SWITCHBOARD_CORS_ORIGINS: '*' })).toThrow(/SWITCHBOARD_CORS_ORIGINS/);
    expect(() => loadConfig({ SWITCHBOARD_CORS_ORIGINS: 'http://[' })).toThrow(
      /SWITCHBOARD_CORS_ORIGINS has "http:\/\/\[", which is not an origin/,
    );
    // Written as browsers send them: lower-case, without the default port.
    expect(
      loadConfig({ SWITCHBOARD_CORS_ORIGINS: 'https://App.Example.com:443,http://x.test:80' }).http
        .corsOrigins,
    ).toEqual(['https://app.example.com', 'http://x.test']);
  });

  it('reads the body shape bounds and the roles claim format', () => {
    const config = loadConfig({
      SWITCHBOARD_BODY_MAX_DEPTH: '8',
      SWITCHBOARD_BODY_MAX_KEYS: '50',
      SWITCHBOARD_JWT_ROLES_FORMAT: 'array-or-space-separated',
    });
    expect(config.http).toMatchObject({ bodyMaxDepth: 8, bodyMaxKeys: 50 });
    expect(config.jwt.rolesFormat).toBe('array-or-space-separated');
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).http.port).toBe(3000);
  });

  it.each([
    [
      'PORT',
      'abc',
      /^Invalid configuration: PORT must be an integer between 0 and 65535 \(got "abc"\)$/,
    ],
    ['PORT', '70000', /PORT must be an integer between 0 and 65535/],
    [
      'LOG_LEVEL',
      'loud',
      /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/,
    ],
    ['SWITCHBOARD_RUN_MIGRATIONS', 'maybe', /SWITCHBOARD_RUN_MIGRATIONS must be true or false/],
    [
      'SWITCHBOARD_DEMO',
      'perhaps',
      /^Invalid configuration: SWITCHBOARD_DEMO must be true or false \(got "perhaps"\)$/,
    ],
    [
      'DATABASE_SCHEMA',
      'Robert"); DROP',
      /DATABASE_SCHEMA must be a lower-case PostgreSQL schema name/,
    ],
    ['OPENAI_BASE_URL', 'ftp://x', /OPENAI_BASE_URL must be an http\(s\) URL/],
    [
      'SWITCHBOARD_BODY_LIMIT',
      'huge',
      /SWITCHBOARD_BODY_LIMIT must be a size such as 100kb or 1mb/,
    ],
    [
      'SWITCHBOARD_BODY_MAX_DEPTH',
      '0',
      /SWITCHBOARD_BODY_MAX_DEPTH must be an integer between 1 and 256/,
    ],
    [
      'SWITCHBOARD_BODY_MAX_DEPTH',
      '5000',
      /SWITCHBOARD_BODY_MAX_DEPTH must be an integer between 1 and 256/,
    ],
    [
      'SWITCHBOARD_BODY_MAX_KEYS',
      'many',
      /SWITCHBOARD_BODY_MAX_KEYS must be an integer between 1 and 100000/,
    ],
    [
      'SWITCHBOARD_JWT_ROLES_FORMAT',
      'csv',
      /^Invalid configuration: SWITCHBOARD_JWT_ROLES_FORMAT must be one of array, array-or-space-separated \(got "csv"\)$/,
    ],
  ])('rejects %s=%s with one line naming the variable', (name, value, expected) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(1);
      expect((error as ConfigError).message).toMatch(expected);
    }
  });

  it('reports every bad variable, one line each', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(
      expect.objectContaining({
        problems: [expect.stringContaining('PORT'), expect.stringContaining('LOG_LEVEL')],
      }),
    );
  });

  it('never echoes the value of a secret variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:hunter2@db/x' })).toThrow(
      /^Invalid configuration: DATABASE_URL must be a PostgreSQL URL such as postgres:\/\/user:password@host:5432\/database$/,
    );
    expect(() => loadConfig({ OPENAI_API_KEY: 'short' })).toThrow(
      /^Invalid configuration: OPENAI_API_KEY must be an OpenAI API key$/,
    );
  });
});

describe('loadConfig: zero values', () => {
  it('keeps an explicit 0 rather than falling back to the default', () => {
    const config = loadConfig({ PORT: '0', SWITCHBOARD_JWT_JWKS_COOLDOWN_SECONDS: '0' });
    expect(config.http.port).toBe(0);
    expect(config.jwt.jwksCooldownSeconds).toBe(0);
  });
});

describe('loadConfig: price table', () => {
  it('defaults to the published gpt-realtime and gpt-realtime-mini prices', () => {
    expect(loadConfig({}).cost.prices['gpt-realtime-mini']).toMatchObject({
      textIn: 0.6,
      audioOut: 20,
    });
  });

  it('merges an override and names what is wrong with a bad one', () => {
    const prices = {
      textIn: 1,
      textCached: 0.1,
      textOut: 2,
      audioIn: 3,
      audioCached: 0.3,
      audioOut: 4,
      imageIn: 0,
      imageCached: 0,
    };
    const table = loadConfig({ SWITCHBOARD_PRICE_TABLE: JSON.stringify({ 'my-model': prices }) })
      .cost.prices;
    expect(Object.keys(table)).toEqual(['gpt-realtime', 'gpt-realtime-mini', 'my-model']);
    expect(() => loadConfig({ SWITCHBOARD_PRICE_TABLE: '{"m":{"textIn":-1}}' })).toThrow(
      'Invalid configuration: SWITCHBOARD_PRICE_TABLE needs a non-negative number for m.textIn (USD per 1M tokens)',
    );
    expect(() => loadConfig({ SWITCHBOARD_PRICE_TABLE: 'nope' })).toThrow(
      'SWITCHBOARD_PRICE_TABLE must be valid JSON',
    );
    expect(() => loadConfig({ SWITCHBOARD_SESSION_BUDGET_USD: 'lots' })).toThrow(
      'SWITCHBOARD_SESSION_BUDGET_USD must be a positive amount in USD',
    );
  });
});
