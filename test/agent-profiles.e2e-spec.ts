import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { offeredFunctionTools } from '../src/modules/voice/index.js';
import { SessionsService } from '../src/modules/sessions/sessions.service.js';
import { SessionClient } from './support/session-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';

describe('agent profiles from SWITCHBOARD_AGENT_PROFILES_FILE', () => {
  let dir: string;
  let sut: TestApp;
  const profilesFile = (profiles: unknown) => {
    const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, JSON.stringify(profiles));
    return path;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'agents-'));
    sut = await startTestApp({
      env: {
        ...JWT_ENV,
        SWITCHBOARD_AGENT_PROFILES_FILE: profilesFile({
          default: { turnDetection: { type: 'server_vad', silence_duration_ms: 350 } },
          billing: {
            model: 'gpt-realtime-mini',
            voice: 'cedar',
            instructions: 'You answer billing questions only.',
            turnDetection: null,
            tools: ['lookup_order'],
            limits: { maxDurationSeconds: 120 },
          },
        }),
      },
    });
  });
  afterAll(async () => {
    await sut.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds a session from a profile the file added: its model, voice, tools and tighter limit', async () => {
    const client = await SessionClient.as(sut, 'agnes', ['agent']);
    const { id } = await client.open({ agent: 'billing' });
    const session = await sut.app.get(SessionsService).getAny(id);
    expect(session.config).toMatchObject({
      model: 'gpt-realtime-mini',
      instructions: 'You answer billing questions only.',
      audio: { input: { turn_detection: null }, output: { voice: 'cedar' } },
    });
    // An agent may use four tools, but this profile offers one.
    expect(offeredFunctionTools(session.config).map((t) => t.name)).toEqual(['lookup_order']);
    expect(session.limits.maxDurationSeconds).toBe(120);
  });

  it('applies an adjusted built-in, keeping the fields the file did not name', async () => {
    const client = await SessionClient.as(sut, 'agnes2', ['customer']);
    const { id } = await client.open();
    const session = await sut.app.get(SessionsService).getAny(id);
    expect(session.config).toMatchObject({
      model: 'gpt-realtime',
      audio: { input: { turn_detection: { type: 'server_vad', silence_duration_ms: 350 } } },
    });
  });

  it('answers an unknown or inherited profile name with 400 UNKNOWN_AGENT', async () => {
    const client = await SessionClient.as(sut, 'agnes3', ['customer']);
    for (const agent of ['sales', 'constructor', 'hasownproperty']) {
      const res = await client.request('/v1/sessions', {
        method: 'POST',
        body: JSON.stringify({ agent }),
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'UNKNOWN_AGENT' });
    }
  });

  it('refuses to boot when a profile offers a tool nobody registers', async () => {
    await expect(
      startTestApp({
        env: {
          ...JWT_ENV,
          SWITCHBOARD_AGENT_PROFILES_FILE: profilesFile({ default: { tools: ['lookup_ordr'] } }),
        },
      }),
    ).rejects.toThrow(
      /Agent profile "default" offers the tool "lookup_ordr", which no provider registers/,
    );
  });

  it('refuses to boot when a Live profile names a delegation handler nobody registers', async () => {
    const desk = {
      api: 'live',
      model: 'gpt-live-1',
      voice: 'marin',
      instructions: 'Help.',
      live: { handler: 'order_dsk' },
    };
    await expect(
      startTestApp({
        env: { ...JWT_ENV, SWITCHBOARD_AGENT_PROFILES_FILE: profilesFile({ desk }) },
      }),
    ).rejects.toThrow(
      /"desk" names the delegation handler "order_dsk", which no provider registers/,
    );
  });
});
