import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OpenAIEndpoint } from '../src/modules/realtime/openai-endpoint.js';
import { RealtimePricing } from '../src/modules/live-calls/realtime/realtime-pricing.js';
import { ResponseBudget } from '../src/modules/live-calls/response-budget.js';
import { realtimeConfigOf, type SessionConfig } from '../src/modules/voice/index.js';
import { SessionsService } from '../src/modules/sessions/sessions.service.js';
import { JWT_ENV, userToken } from '../test/support/tokens.js';
import { WeriftBrowser } from '../test/support/werift-browser.js';
import { startBenchApp } from './support/bench-app.js';
import { distribution, measure, writeResult } from './support/stats.js';

const WARM_UP = 20;
const TURNS = 200;
const CHECKS = 1000;

/** Two agents that differ only in who starts responses. */
const PROFILES = {
  vad_agent: {
    model: 'gpt-realtime',
    voice: 'marin',
    instructions: 'Be brief.',
    turnDetection: { type: 'server_vad', create_response: true, interrupt_response: true },
  },
  server_agent: {
    model: 'gpt-realtime',
    voice: 'marin',
    instructions: 'Be brief.',
    turnDetection: { type: 'server_vad', create_response: true, interrupt_response: true },
    responseStart: 'server',
  },
};

interface Call {
  readonly browser: WeriftBrowser;
  readonly callId: string;
}

/**
 * What it costs to let Switchboard start every response (`responseStart: server`) instead of
 * OpenAI's turn detection: the time from a committed user turn to `response.created`, as the page
 * sees it, for the same spoken turn in both modes; and the budget check each server-started
 * response runs, against a trivial query on the same database.
 */
export async function runResponseStartBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-profiles-'));
  writeFileSync(join(dir, 'agents.json'), JSON.stringify(PROFILES));
  const bench = await startBenchApp([], {
    ...JWT_ENV,
    SWITCHBOARD_AGENT_PROFILES_FILE: join(dir, 'agents.json'),
    SWITCHBOARD_SIMULATOR_INSPECTION: 'true',
    SWITCHBOARD_SESSION_BUDGET_USD: '1000',
    SWITCHBOARD_USER_DAILY_BUDGET_USD: '1000',
    SWITCHBOARD_SESSIONS_PER_USER: '10',
  });
  try {
    const { app } = bench;
    await app.listen(0, '127.0.0.1');
    const modes = [];
    for (const agent of ['vad_agent', 'server_agent'] as const) {
      const call = await connect(app, agent);
      try {
        for (let i = 0; i < WARM_UP; i++) await turn(app, call);
        const times: number[] = [];
        const started = performance.now();
        for (let i = 0; i < TURNS; i++) times.push(await turn(app, call));
        modes.push({
          agent,
          commitToResponseCreated: distribution(times, performance.now() - started),
        });
      } finally {
        await call.browser.close();
      }
    }
    const [vad, server] = modes.map((m) => m.commitToResponseCreated);
    const budget = app.get(ResponseBudget);
    const pricing = app.get(RealtimePricing);
    const dataSource = app.get(DataSource);
    const probeCall = await connect(app, 'server_agent');
    const estimate = (session: SessionConfig) =>
      pricing.nextResponseUsd(probeCall.callId, realtimeConfigOf(session));
    try {
      await measure(100, 1, () => budget.allowsResponse(probeCall.callId, estimate));
      const plain = await measure(CHECKS, 1, () => dataSource.query('SELECT 1'));
      const check = await measure(CHECKS, 1, () =>
        budget.allowsResponse(probeCall.callId, estimate),
      );
      const result = {
        benchmark: 'response-start',
        database: bench.database,
        node: process.version,
        turns: TURNS,
        warmUp: WARM_UP,
        what: 'committed user turn → response.created, seen by the page (in-process simulator)',
        vad,
        server,
        addedMs: { p50: round(server.p50Ms - vad.p50Ms), p95: round(server.p95Ms - vad.p95Ms) },
        ratioP50: round(server.p50Ms / Math.max(vad.p50Ms, 0.001)),
        budgetCheck: {
          plainSelect: plain,
          allowsResponse: check,
          ratioP50: round(check.p50Ms / Math.max(plain.p50Ms, 0.001)),
        },
        at: new Date().toISOString(),
      };
      const file = writeResult('response-start', result);
      console.log(
        `response-start [${bench.database}]: commit→response.created p50/p95 vad ${vad.p50Ms}/${vad.p95Ms} ms, ` +
          `server ${server.p50Ms}/${server.p95Ms} ms (+${result.addedMs.p50} ms p50, x${result.ratioP50}); ` +
          `budget check p50 ${check.p50Ms} ms vs SELECT 1 ${plain.p50Ms} ms`,
      );
      console.log(JSON.stringify({ file, addedMs: result.addedMs }));
    } finally {
      await probeCall.browser.close();
    }
  } finally {
    await bench.close();
  }
}

/** A user opens a session of `agent` and a werift page connects; resolves once the sideband is on. */
async function connect(app: INestApplication, agent: string): Promise<Call> {
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const token = await userToken({
    sub: `bench-${agent}-${Date.now()}`,
    tenant: 'acme',
    roles: ['customer'],
  });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const opened = await fetch(`${base}/v1/sessions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ agent }),
  });
  const { id } = (await opened.json()) as { id: string };
  const browser = new WeriftBrowser();
  const answer = await fetch(`${base}/v1/sessions/${id}/sdp`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/sdp' },
    body: await browser.offer(),
  });
  await browser.accept(await answer.text());
  await browser.stream.next('session.created');
  const callId = (await app.get(SessionsService).getAny(id)).callId!;
  for (let tries = 0; tries < 200 && (await simCall(app, callId)).sidebands !== 1; tries++)
    await new Promise((resolve) => setTimeout(resolve, 25));
  return { browser, callId };
}

/** One spoken turn (the simulator's `/say`); returns ms from `committed` to `response.created`. */
async function turn(app: INestApplication, { browser, callId }: Call): Promise<number> {
  const committed = browser.stream
    .next('input_audio_buffer.committed')
    .then(() => performance.now());
  const created = browser.stream.next('response.created').then(() => performance.now());
  const done = browser.stream.next('response.done');
  await simulator(app, `/__sim/calls/${callId}/say`, { text: 'hello there' });
  const ms = (await created) - (await committed);
  await done;
  return ms;
}

async function simCall(app: INestApplication, callId: string): Promise<{ sidebands: number }> {
  return (await simulator(app, `/__sim/calls/${callId}`)) as { sidebands: number };
}

async function simulator(app: INestApplication, path: string, body?: unknown): Promise<unknown> {
  const endpoint = app.get(OpenAIEndpoint);
  const res = await fetch(`${endpoint.baseUrl.replace(/\/v1$/, '')}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${endpoint.apiKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
