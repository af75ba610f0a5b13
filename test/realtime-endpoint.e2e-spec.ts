import OpenAI from 'openai';

import { OpenAIEndpoint } from '../src/modules/realtime/openai-endpoint.js';
import { startSimulator, type Simulator } from '../src/simulator/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('OpenAI endpoint', () => {
  describe('without OPENAI_API_KEY', () => {
    let sut: TestApp;
    beforeAll(async () => {
      sut = await startTestApp();
    });
    afterAll(() => sut.close());

    it('starts the built-in simulator and says so loudly, at warn level', async () => {
      const warning = sut.logs.lines.find((l) => String(l.msg).includes('SIMULATOR'));
      expect(warning).toMatchObject({
        level: 40,
        context: 'OpenAIEndpoint',
        scenario: 'built-in demo',
      });
      expect(warning?.simulatorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      expect(JSON.stringify(sut.logs.lines)).not.toContain(sut.app.get(OpenAIEndpoint).apiKey);
      const ready = (await (await fetch(`${sut.url}/ready`)).json()) as { openai: string };
      expect(ready.openai).toBe('simulator');
    });

    it('points the OpenAI client at the simulator', async () => {
      const secret = await sut.app
        .get(OpenAI)
        .realtime.clientSecrets.create({ session: { type: 'realtime' } });
      expect(secret.value).toMatch(/^ek_/);
    });
  });

  describe('with OPENAI_API_KEY', () => {
    let upstream: Simulator;
    let sut: TestApp;
    beforeAll(async () => {
      upstream = await startSimulator({ apiKey: 'sk-upstream-test-key' });
      sut = await startTestApp({
        env: { OPENAI_API_KEY: 'sk-upstream-test-key', OPENAI_BASE_URL: `${upstream.url}/v1` },
      });
    });
    afterAll(async () => {
      await sut.close();
      await upstream.close();
    });

    it('uses the configured endpoint and key, and starts no simulator', async () => {
      expect(sut.app.get(OpenAIEndpoint)).toEqual({
        baseUrl: `${upstream.url}/v1`,
        apiKey: 'sk-upstream-test-key',
        simulated: false,
      });
      expect(sut.logs.lines.some((l) => String(l.msg).includes('SIMULATOR'))).toBe(false);
      const secret = await sut.app
        .get(OpenAI)
        .realtime.clientSecrets.create({ session: { type: 'realtime' } });
      expect(secret.value).toMatch(/^ek_/);
      const ready = (await (await fetch(`${sut.url}/ready`)).json()) as { openai: string };
      expect(ready.openai).toBe('api');
    });
  });
});
