import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';

const preflight = (sut: TestApp, origin: string) =>
  fetch(`${sut.url}/v1/sessions`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    },
  });

/** Pages on other origins may call the API only when an operator lists their origin. */
describe('CORS', () => {
  it('answers no other origin by default', async () => {
    const sut = await startTestApp({ env: JWT_ENV });
    try {
      const res = await preflight(sut, 'https://app.example.com');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await sut.close();
    }
  });

  it('lets the listed origins call with a bearer token, and no others', async () => {
    const sut = await startTestApp({
      env: { ...JWT_ENV, SWITCHBOARD_CORS_ORIGINS: 'https://app.example.com' },
    });
    try {
      const allowed = await preflight(sut, 'https://app.example.com');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
      const other = await preflight(sut, 'https://evil.example.net');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      // The client bundle too: a page elsewhere may import it as a module script.
      const bundle = await fetch(`${sut.url}/client/switchboard.js`, {
        headers: { origin: 'https://app.example.com' },
      });
      expect(bundle.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      const refused = await fetch(`${sut.url}/v1/sessions`, {
        method: 'POST',
        headers: { origin: 'https://app.example.com', 'content-type': 'application/json' },
        body: '{}',
      });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('access-control-expose-headers')).toContain('retry-after');
    } finally {
      await sut.close();
    }
  });
});
