import { request as httpRequest } from 'node:http';

import { decodeJwt, decodeProtectedHeader } from 'jose';

import { loadConfig } from '../src/config/load-config.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV, TEST_AUDIENCE, TEST_ISSUER } from './support/tokens.js';

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** An HTTP request with the path exactly as given (fetch would normalise `..` away). */
function raw(
  sut: TestApp,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(sut.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { hostname, port, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

const signIn = (sut: TestApp, body: string, contentType = 'application/json') =>
  raw(sut, '/v1/demo/sign-in', {
    method: 'POST',
    headers: { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) },
    body,
  });

/** The demo page and its API, attacked over plain HTTP. */
describe('the demo page and API under attack', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({ env: { ...JWT_ENV, SWITCHBOARD_DEMO_SIGN_IN: 'true' } });
  });
  afterAll(() => sut.close());

  describe('POST /v1/demo/sign-in bodies', () => {
    it.each([
      ['an array', '[{"user":"alice"}]'],
      ['a string', '"alice"'],
      ['a number', '42'],
      ['null', 'null'],
      ['user as an array', '{"user":["alice"]}'],
      ['user as an object', '{"user":{"toString":"alice"}}'],
      ['an extra roles claim', '{"user":"alice","roles":["admin"]}'],
      ['an extra tenant claim', '{"user":"alice","tenant":"globex"}'],
      ['a __proto__ user', '{"__proto__":{"user":"alice"}}'],
      ['a constructor.prototype key', '{"constructor":{"prototype":{"user":"alice"}}}'],
      ['a user with a NUL', '{"user":"alice\\u0000"}'],
      ['an upper-case user', '{"user":"ALICE"}'],
      ['malformed JSON', '{"user":'],
    ])('refuses %s with a 4xx problem and no token', async (_what, body) => {
      const res = await signIn(sut, body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).not.toContain('"token"');
      expect(JSON.parse(res.body)).toMatchObject({ code: expect.any(String) });
    });

    it('leaves Object.prototype alone after prototype-pollution bodies', async () => {
      await signIn(sut, '{"__proto__":{"polluted":"yes"},"user":"alice"}');
      await signIn(sut, '{"constructor":{"prototype":{"polluted":"yes"}},"user":"alice"}');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('refuses a body of 2 MB with 413 problem+json', async () => {
      const res = await signIn(sut, JSON.stringify({ user: 'a'.repeat(2 * 1024 * 1024) }));
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it.each([
      ['text/plain', '{"user":"alice"}'],
      ['application/sdp', '{"user":"alice"}'],
      ['application/xml', '<user>alice</user>'],
    ])('signs nobody in from a %s body', async (type, body) => {
      const res = await signIn(sut, body, type);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body).not.toContain('"token"');
    });
  });

  describe('the demo token', () => {
    let token: string;
    beforeAll(async () => {
      const res = await signIn(sut, '{"user":"sam"}');
      token = (JSON.parse(res.body) as { token: string }).token;
    });

    it('carries exactly the demo user’s claims, HS256, for at most an hour', () => {
      expect(decodeProtectedHeader(token).alg).toBe('HS256');
      const claims = decodeJwt(token);
      expect(Object.keys(claims).sort()).toEqual(
        ['aud', 'exp', 'iat', 'iss', 'roles', 'sub', 'tenant'].sort(),
      );
      expect(claims).toMatchObject({
        sub: 'sam',
        tenant: 'acme',
        roles: ['agent'],
        iss: TEST_ISSUER,
        aud: TEST_AUDIENCE,
      });
      const now = Math.floor(Date.now() / 1000);
      expect(claims.exp! - now).toBeLessThanOrEqual(3600);
      expect(claims.exp! - now).toBeGreaterThan(3500);
    });

    it.each([
      ['GET', '/v1/admin/sessions'],
      ['GET', '/v1/admin/approvals'],
      ['GET', '/v1/admin/audit'],
      ['GET', '/v1/admin/audit/export'],
      ['GET', '/v1/admin/api-keys'],
      ['POST', '/v1/admin/api-keys'],
      ['GET', '/v1/admin/tools'],
      ['POST', '/v1/admin/sessions/ses_x/revoke'],
      ['POST', '/v1/admin/approvals/act_x/approve'],
    ])('cannot reach the operator route %s %s', async (method, path) => {
      const res = await fetch(`${sut.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: method === 'POST' ? '{}' : undefined,
      });
      expect([401, 403]).toContain(res.status);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    });
  });

  describe('the page and its files', () => {
    it('serves `/` with CSP, nosniff, no-referrer, and as HTML', async () => {
      const res = await raw(sut, '/');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      const csp = String(res.headers['content-security-policy']);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
      ])
        expect(csp).toContain(directive);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    });

    it('answers HEAD / like GET, headers and all, without a body', async () => {
      const res = await raw(sut, '/', { method: 'HEAD' });
      expect(res.status).toBe(200);
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.body).toBe('');
    });

    it('serves /demo/demo.js and /demo/demo.css with their types and nosniff', async () => {
      const js = await raw(sut, '/demo/demo.js');
      expect(js.status).toBe(200);
      expect(js.headers['content-type']).toMatch(/javascript/);
      expect(js.headers['x-content-type-options']).toBe('nosniff');
      const css = await raw(sut, '/demo/demo.css');
      expect(css.headers['content-type']).toMatch(/^text\/css/);
    });

    it('does not serve the demo page without its CSP under another address (/demo/index.html)', async () => {
      const res = await raw(sut, '/demo/index.html');
      // Either not there at all, or with the same protection as `/` (no framing: clickjacking).
      if (res.status === 200)
        expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      else expect(res.status).toBe(404);
    });

    it.each([
      '/client/../package.json',
      '/client/..%2fpackage.json',
      '/client/..%2f..%2fpackage.json',
      '/client/%2e%2e/%2e%2e/package.json',
      '/client/%2e%2e%2f%2e%2e%2fpackage.json',
      '/client/..%5c..%5cpackage.json',
      '/client/..%2fsrc%2fmain.js',
      '/client/..%252f..%252fpackage.json',
      '/client/%c0%ae%c0%ae/%c0%ae%c0%ae/package.json',
      '/demo/../../package.json',
      '/demo/..%2f..%2fpackage.json',
      '/demo/%2e%2e/%2e%2e/package.json',
      '/demo/..%2f..%2fsrc%2fmain.js',
      '/client//etc/passwd',
      '/client/%2fetc%2fpasswd',
    ])('does not serve a file outside the bundle for %s', async (path) => {
      const res = await raw(sut, path);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body).not.toContain('"devDependencies"');
      expect(res.body).not.toContain('root:');
      expect(res.body).not.toContain('createApp');
    });

    it('lists no directory and serves no source: /client/, /demo/, /client/index.ts', async () => {
      for (const path of ['/client/', '/demo/', '/client/index.ts', '/demo/demo.ts']) {
        const res = await raw(sut, path);
        expect([path, res.status]).toEqual([path, 404]);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    });

    it('answers OPTIONS / without error', async () => {
      const res = await raw(sut, '/', { method: 'OPTIONS' });
      expect(res.status).toBeLessThan(500);
    });
  });
});

describe('the demo page with SWITCHBOARD_DEMO=false', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({ env: { ...JWT_ENV, SWITCHBOARD_DEMO: 'false' } });
  });
  afterAll(() => sut.close());

  it.each(['/', '/v1/demo', '/demo/demo.js', '/demo/index.html'])(
    'answers %s with 404 problem+json',
    async (path) => {
      const res = await raw(sut, path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(JSON.parse(res.body)).toMatchObject({ status: 404 });
    },
  );
});

/** CORS as an operator would configure it, and as browsers send Origin. */
describe('CORS edge cases', () => {
  const preflight = (sut: TestApp, origin: string, method = 'POST', headers = 'authorization') =>
    fetch(`${sut.url}/v1/sessions`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': method,
        'access-control-request-headers': headers,
      },
    });

  describe('with two origins listed, with spaces around them', () => {
    let sut: TestApp;
    beforeAll(async () => {
      sut = await startTestApp({
        env: {
          ...JWT_ENV,
          SWITCHBOARD_CORS_ORIGINS: '  https://app.example.com ,  http://localhost:5173 ',
        },
      });
    });
    afterAll(() => sut.close());

    it('allows both listed origins, trimmed', async () => {
      for (const origin of ['https://app.example.com', 'http://localhost:5173']) {
        const res = await preflight(sut, origin);
        expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      }
    });

    it.each([
      'https://app.example.com/',
      'https://app.example.com.evil.net',
      'https://evil-app.example.com',
      'https://app.example.co',
      'http://app.example.com',
      'null',
      'https://app.example.com:444',
    ])('refuses the origin %s', async (origin) => {
      const res = await preflight(sut, origin);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('never allows credentials, on preflights and on answers', async () => {
      const pre = await preflight(sut, 'https://app.example.com');
      expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
      const answer = await fetch(`${sut.url}/v1/demo`, {
        headers: { origin: 'https://app.example.com' },
      });
      expect(answer.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    });

    it('lets a page resume the events stream (Last-Event-ID) and hang up (DELETE) cross-origin', async () => {
      const events = await fetch(`${sut.url}/v1/sessions/ses_x/events`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://app.example.com',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization,last-event-id',
        },
      });
      expect(events.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      expect(events.headers.get('access-control-allow-headers')).toContain('last-event-id');
      const hangup = await preflight(sut, 'https://app.example.com', 'DELETE');
      expect(hangup.headers.get('access-control-allow-methods')).toContain('DELETE');
    });
  });

  // A browser sends its origin serialised: lower-case host, no default port for the scheme.
  it.each([
    ['in mixed case', 'https://App.Example.com'],
    ['with its default port', 'https://app.example.com:443'],
  ])('matches an origin configured %s, as browsers send it', async (_how, configured) => {
    const env = { ...JWT_ENV, SWITCHBOARD_CORS_ORIGINS: configured };
    // Read as a browser would send it, not refused.
    expect(() => loadConfig(env)).not.toThrow();
    const sut = await startTestApp({ env });
    try {
      const res = await preflight(sut, 'https://app.example.com');
      expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    } finally {
      await sut.close();
    }
  });

  it.each(['https://app.example.com,', 'https://app.example.com/', ',https://app.example.com'])(
    'refuses %j at boot with a message naming the variable, or reads it as the origin',
    (value) => {
      let config;
      try {
        config = loadConfig({ ...JWT_ENV, SWITCHBOARD_CORS_ORIGINS: value });
      } catch (error) {
        expect(String((error as Error).message)).toContain('SWITCHBOARD_CORS_ORIGINS');
        return;
      }
      expect(config.http.corsOrigins).toEqual(['https://app.example.com']);
    },
  );
});
