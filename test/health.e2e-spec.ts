import { startTestApp, type TestApp } from './support/test-app.js';

describe('health, readiness, metrics and OpenAPI', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await startTestApp();
  });
  afterAll(() => sut.close());

  it('GET /health is live', async () => {
    const res = await fetch(`${sut.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /ready reports the database, pgvector version and no pending migrations', async () => {
    const res = await fetch(`${sut.url}/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      database: 'up',
      embeddedDatabase: !process.env.DATABASE_URL,
      pgvector: expect.stringMatching(/^0\.8\.\d+$/),
      pendingMigrations: 0,
      openai: 'simulator',
    });
  });

  it('GET /metrics exposes the request histogram by route pattern, and process metrics', async () => {
    await fetch(`${sut.url}/ready`);
    await fetch(`${sut.url}/no/such/route/12345`);
    const res = await fetch(`${sut.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(
      /switchboard_http_request_duration_seconds_count\{method="GET",route="\/ready",status="200"\} [1-9]/,
    );
    expect(text).toMatch(/route="unmatched",status="404"/);
    expect(text).not.toContain('12345');
    expect(text).toContain('switchboard_process_cpu_user_seconds_total');
  });

  it('serves Swagger UI at /docs and documents every route with its error responses', async () => {
    expect((await fetch(`${sut.url}/docs`)).status).toBe(200);
    const document = (await (await fetch(`${sut.url}/docs-json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/health', '/ready', '/metrics']),
    );
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect([path, method, Object.keys(operation.responses)]).toEqual([
          path,
          method,
          expect.arrayContaining(['500']),
        ]);
      }
    }
  });
});
