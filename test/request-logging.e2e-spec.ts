import { ProbeModule } from './support/probe.module.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('request ids and structured logs', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await startTestApp({ imports: [ProbeModule] });
  });
  afterAll(() => sut.close());

  const echo = (headers: Record<string, string> = {}) =>
    fetch(`${sut.url}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ name: 'x', limits: { seconds: 10 } }),
    });

  it('keeps an acceptable caller id, echoes it and puts it on every line of the request', async () => {
    const res = await echo({ 'x-request-id': 'trace-abc.123', authorization: 'Bearer top-secret' });
    expect(res.headers.get('x-request-id')).toBe('trace-abc.123');
    const lines = sut.logs.lines.filter((l) => l.requestId === 'trace-abc.123');
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['echo handled', 'request completed']),
    );
    expect(JSON.stringify(sut.logs.lines)).not.toContain('top-secret');
  });

  it('replaces a missing or unsafe id with a UUID', async () => {
    const res = await echo({ 'x-request-id': 'bad id with "quotes" and spaces' });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(sut.logs.lines.some((l) => l.requestId === id && l.msg === 'echo handled')).toBe(true);
  });

  it('writes JSON lines with a level and a time', () => {
    expect(sut.logs.lines.length).toBeGreaterThan(0);
    for (const line of sut.logs.lines) {
      expect(typeof line.level).toBe('number');
      expect(typeof line.time).toBe('number');
    }
  });
});
