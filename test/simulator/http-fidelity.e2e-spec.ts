import OpenAI from 'openai';

import { startSimulator, type Simulator } from '../../src/simulator/index.js';

/** What a browser and the official SDK read off the simulator's HTTP answers, as off OpenAI's. */
describe('simulator: HTTP headers as the real API sends them', () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ inspection: true, timeScale: 0.05 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('answers a preflight for the headers a client SDK adds (the Agents SDK’s x-openai-agents-sdk)', async () => {
    const res = await fetch(`${sim.url}/v1/realtime/calls`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, x-openai-agents-sdk',
      },
    });
    expect(res.status).toBe(204);
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').split(', ');
    expect(allowed).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'x-openai-agents-sdk']),
    );
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('echoes only header names, never other text the preflight carries', async () => {
    const res = await fetch(`${sim.url}/v1/realtime/calls`, {
      method: 'OPTIONS',
      headers: { 'access-control-request-headers': 'x-ok, bad header, x"quote' },
    });
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type, openai-safety-identifier, x-ok',
    );
  });

  it('gives every answer an x-request-id, exposed to browsers, that the SDK reports', async () => {
    const ok = await fetch(`${sim.url}/v1/realtime/client_secrets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(ok.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(ok.headers.get('access-control-expose-headers')).toContain('x-request-id');

    const client = new OpenAI({ apiKey: sim.apiKey, baseURL: `${sim.url}/v1`, maxRetries: 0 });
    const { data, request_id } = await client.realtime.clientSecrets.create({}).withResponse();
    expect(data.value).toMatch(/^ek_/);
    expect(request_id).toMatch(/^req_/);
    const refused = await client.realtime.calls.hangup('rtc_missing').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.NotFoundError);
    expect((refused as InstanceType<typeof OpenAI.APIError>).requestID).toMatch(/^req_/);
  });
});
