import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AGENT_PROFILES } from '../src/config/agent-profiles.js';
import { AppConfig } from '../src/config/app-config.js';
import { LiveEventBus, LiveSidebands } from '../src/modules/gpt-live/index.js';
import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import { MetricsRegistry } from '../src/modules/metrics/index.js';
import { OpenAIEndpoint } from '../src/modules/realtime/openai-endpoint.js';
import { SessionsService } from '../src/modules/sessions/sessions.service.js';
import type { RealtimeEvent } from '../test/support/event-stream.js';
import { TEST_MODEL_CACHE_DIR } from '../test/support/knowledge.js';
import { JWT_ENV, userToken } from '../test/support/tokens.js';
import { WeriftBrowser } from '../test/support/werift-browser.js';
import { startBenchApp, type BenchApp } from './support/bench-app.js';
import { distribution, writeResult, type Distribution } from './support/stats.js';

/** Measured turns per agent (Realtime and GPT-Live alike), after `WARM_UP` turns each. */
const TURNS = Number(process.env.GROUNDING_BENCH_TURNS ?? 40);
const WARM_UP = Number(process.env.GROUNDING_BENCH_WARM_UP ?? 5);
/**
 * The simulator's input-transcription delay of the main run (commit → `…transcription.completed`,
 * deltas spread evenly before it). An assumption, not a measurement of OpenAI: see `DELAY_WHY`.
 */
const TRANSCRIPTION_DELAY_MS = 300;
const DELAY_WHY =
  "OpenAI transcribes the caller's audio asynchronously after the commit; its " +
  '`conversation.item.input_audio_transcription.completed` often lands after the response has ' +
  'started. 300 ms is an assumed, realistic delay for a short question, not a measurement of ' +
  'OpenAI; the sweep shows how the cost follows it.';
/** Extra delays, each its own app boot, for `transcript` and its baseline only (`SWEEP_AGENTS`). */
const SWEEP_DELAYS_MS = (process.env.GROUNDING_BENCH_SWEEP ?? '0,800')
  .split(',')
  .filter((s) => s.trim() !== '')
  .map(Number);
/** Pause after a turn has settled, before the next: real turns are seconds apart. */
const TURN_GAP_MS = 100;
/** What grounding may add to a turn in the default mode (`next_turn`), at p95 (the issue). */
const TARGET_ADDED_P95_MS = 30;

const { model, voice, instructions, turnDetection } = AGENT_PROFILES.default;
const BASE = { model, voice, instructions, turnDetection, responseStart: 'server' };
const REALTIME_AGENTS = {
  baseline: BASE,
  next_turn: { ...BASE, grounding: { mode: 'next_turn' } },
  transcript: { ...BASE, grounding: { mode: 'transcript' } },
  partial: { ...BASE, grounding: { mode: 'partial' } },
  // Not a default: `transcript` with a budget above every delay measured, so the sweep shows what
  // waiting for the transcript costs when the budget does not cut it off.
  transcript_1s: { ...BASE, grounding: { mode: 'transcript', budgetMs: 1000 } },
} as const;
type RealtimeAgent = keyof typeof REALTIME_AGENTS;
/** Agents run at every transcription delay of the sweep (the main run has all of them). */
const SWEEP_AGENTS: readonly RealtimeAgent[] = ['baseline', 'transcript', 'transcript_1s'];

/** The grounding mode an agent's histograms are labelled with (none for the baseline). */
function modeOf(agent: RealtimeAgent): string | undefined {
  const profile = REALTIME_AGENTS[agent];
  return 'grounding' in profile ? profile.grounding.mode : undefined;
}
const LIVE_BASE = {
  api: 'live',
  model: 'gpt-live-1',
  voice,
  instructions: 'You are the voice of an online shop. Answer from the knowledge you are given.',
};
const LIVE_AGENTS = {
  live_baseline: LIVE_BASE,
  live_grounded: { ...LIVE_BASE, grounding: {} },
} as const;
type LiveAgent = keyof typeof LIVE_AGENTS;
/** Every turn is answered "Yes.": short, so a turn is mostly what comes before the answer. */
const SCENARIO = { name: 'grounding-bench', rules: [{ when: { any: true }, say: 'Yes.' }] };
const OUTCOMES = ['given', 'late', 'no_transcript', 'nothing_found', 'same_as_before', 'failed'];

// ─── the corpus: 16 shop topics × 5 products, one short document each ────────────────────────

const PRODUCTS = [
  'espresso machine',
  'trail bike',
  'noise-cancelling headphones',
  'standing desk',
  'robot vacuum',
];

type Topic = (p: string, n: number) => { title: string; text: string; question: string };
const TOPICS: Topic[] = [
  (p, n) => ({
    title: 'returns',
    text: `An unused ${p} can be returned within ${14 + n * 7} days of delivery for a full refund. Opened items are accepted when every accessory and the original box come back with them.`,
    question: `can I send back the ${p} if I opened the box`,
  }),
  (p, n) => ({
    title: 'warranty',
    text: `The ${p} has a ${1 + n}-year warranty against manufacturing defects. Wear parts and accidental damage are not covered; keep the receipt as proof of purchase.`,
    question: `how many years of warranty does the ${p} have`,
  }),
  (p, n) => ({
    title: 'delivery times',
    text: `Standard delivery of the ${p} takes ${2 + n} working days. Express delivery arrives the next working day when ordered before 2 pm.`,
    question: `how quickly will the ${p} be delivered`,
  }),
  (p, n) => ({
    title: 'assembly',
    text: `The ${p} arrives partly assembled. Setting it up takes about ${15 + n * 10} minutes with the tools in the box, and our video guide walks through each step.`,
    question: `how long does it take to set up the ${p}`,
  }),
  (p, n) => ({
    title: 'cleaning and care',
    text: `Clean the ${p} weekly with a dry cloth and deep-clean it every ${2 + n} months. Never use bleach or abrasive sponges on it.`,
    question: `how should I clean the ${p}`,
  }),
  (p, n) => ({
    title: 'spare parts',
    text: `Spare parts for the ${p} stay available for ${5 + n} years after the model is discontinued. Order them by part number from the spare parts page.`,
    question: `can I still buy spare parts for the ${p}`,
  }),
  (p, n) => ({
    title: 'instalments',
    text: `The ${p} can be paid in ${3 + n * 3} monthly instalments without interest when the order is above the minimum amount.`,
    question: `can I pay for the ${p} in monthly instalments`,
  }),
  (p, n) => ({
    title: 'price match',
    text: `If you find the ${p} cheaper at another shop within ${7 + n * 3} days of buying it, we refund the difference once you show us the offer.`,
    question: `do you match a lower price for the ${p}`,
  }),
  (p, n) => ({
    title: 'international shipping',
    text: `We ship the ${p} to ${10 + n * 5} countries in Europe. Customs duties outside the EU are paid by the customer on delivery.`,
    question: `can you ship the ${p} to another country`,
  }),
  (p, n) => ({
    title: 'power use',
    text: `The ${p} draws at most ${300 + n * 200} watts while running and less than one watt in standby. It uses a standard plug.`,
    question: `how much electricity does the ${p} use`,
  }),
  (p) => ({
    title: 'recycling',
    text: `We take your old ${p} back for free recycling when we deliver a new one. Book the collection at checkout.`,
    question: `will you take my old ${p} away for recycling`,
  }),
  (p, n) => ({
    title: 'repairs',
    text: `Repairs of the ${p} outside the warranty cost a flat fee of ${40 + n * 15} euros plus parts. Most repairs are done within ${5 + n} working days.`,
    question: `how much does it cost to repair the ${p}`,
  }),
  (p) => ({
    title: 'accessories',
    text: `Accessories for the ${p}, such as covers, mounts and cables, ship free with the ${p} or for a small fee when ordered later.`,
    question: `which accessories can I get for the ${p}`,
  }),
  (p, n) => ({
    title: 'gift wrapping',
    text: `Gift wrapping for the ${p} costs ${3 + n} euros and includes a card with your message. The invoice is never put in the parcel.`,
    question: `can you gift wrap the ${p} for me`,
  }),
  (p, n) => ({
    title: 'trade-in',
    text: `Trade in an older ${p} in working condition and get a voucher worth up to ${50 + n * 25} euros towards a new one.`,
    question: `what do I get for trading in my old ${p}`,
  }),
  (p) => ({
    title: 'safety recalls',
    text: `No safety recall affects the ${p}. If one is ever issued, we email every buyer and replace affected units free of charge.`,
    question: `is there a safety recall for the ${p}`,
  }),
];

interface CorpusDocument {
  readonly title: string;
  readonly text: string;
  readonly question: string;
}

/** Deterministic: document i is topic i % 16 of product ⌊i / 16⌋. */
function corpus(): CorpusDocument[] {
  return PRODUCTS.flatMap((product, n) =>
    TOPICS.map((topic) => {
      const { title, text, question } = topic(product, n);
      const heading = `${product.charAt(0).toUpperCase()}${product.slice(1)}: ${title}`;
      return { title: heading, text: `# ${heading}\n\n${text}`, question };
    }),
  );
}

/** The spoken question of turn `i`: a step of 17 through 80 documents, so no two turns in a row share a topic. */
function questionOf(docs: readonly CorpusDocument[], i: number, offset: number): string {
  return docs[(i * 17 + offset) % docs.length]!.question;
}

// ─── the benchmark ──────────────────────────────────────────────────────────────────────────

/**
 * What knowledge grounding adds to a voice turn, per mode, against the in-process simulator: for
 * Realtime, the time from the end of the caller's speech to the first response audio, as the page
 * sees it, for the same spoken questions with and without grounding (every agent `responseStart:
 * server`, turns interleaved across the agents so drift hits all alike), with the simulator's
 * input transcription arriving late; the transcript wait and grounding outcomes from the app's own
 * histograms. For GPT-Live, the time from the caller's last transcript delta to Switchboard's
 * `session.thinking.append` (and its ack), and whether the voice answers any later for it.
 *
 * Env: GROUNDING_BENCH_TURNS (40), GROUNDING_BENCH_WARM_UP (5), GROUNDING_BENCH_SWEEP (the extra
 * transcription delays for `transcript`, `0,800`; empty for none).
 */
export async function runGroundingBench(): Promise<void> {
  const runStart = performance.now();
  const log = (line: string) =>
    console.log(`[grounding ${((performance.now() - runStart) / 1000).toFixed(0)}s] ${line}`);
  const docs = corpus();
  const dir = mkdtempSync(join(tmpdir(), 'bench-grounding-'));
  writeFileSync(join(dir, 'agents.json'), JSON.stringify({ ...REALTIME_AGENTS, ...LIVE_AGENTS }));
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(SCENARIO));
  const env = {
    ...JWT_ENV,
    SWITCHBOARD_AGENT_PROFILES_FILE: join(dir, 'agents.json'),
    SWITCHBOARD_SIMULATOR_SCENARIO: join(dir, 'scenario.json'),
    SWITCHBOARD_SIMULATOR_INSPECTION: 'true',
    SWITCHBOARD_KNOWLEDGE_MODEL_CACHE_DIR: TEST_MODEL_CACHE_DIR,
    SWITCHBOARD_KNOWLEDGE_POLL_MS: '100',
    SWITCHBOARD_SESSION_BUDGET_USD: '1000',
    SWITCHBOARD_USER_DAILY_BUDGET_USD: '1000',
    SWITCHBOARD_SESSIONS_PER_USER: '10',
  };

  // Main run: every Realtime mode and GPT-Live, at the realistic transcription delay.
  const main = await boot(env, TRANSCRIPTION_DELAY_MS, docs, log);
  let database: string;
  let budgetMs: number;
  let chunks: number;
  let realtime: RealtimeRun;
  let live: LiveRun;
  try {
    database = main.bench.database;
    budgetMs = main.bench.app.get(AppConfig).grounding.budgetMs;
    chunks = main.chunks;
    realtime = await realtimeRun(
      main.bench.app,
      Object.keys(REALTIME_AGENTS) as RealtimeAgent[],
      docs,
      log,
    );
    live = await liveRun(main.bench.app, docs, log);
  } finally {
    await main.bench.close();
  }

  // Sweep: `transcript` against its baseline at other delays, each a boot of its own.
  const sweep = [];
  for (const delay of SWEEP_DELAYS_MS) {
    const booted = await boot(env, delay, docs, log);
    try {
      const run = await realtimeRun(booted.bench.app, SWEEP_AGENTS, docs, log);
      sweep.push({ transcriptionDelayMs: delay, ...run });
    } finally {
      await booted.bench.close();
    }
  }

  const addedNextP95 = realtime.addedMs.next_turn?.p95 ?? Number.NaN;
  const result = {
    benchmark: 'grounding',
    database,
    node: process.version,
    turns: TURNS,
    warmUp: WARM_UP,
    corpus: {
      documents: docs.length,
      chunks,
      source: 'one acme source readable by role customer (16 shop topics × 5 products)',
    },
    agents: {
      realtime: REALTIME_AGENTS,
      live: LIVE_AGENTS,
      note:
        'baseline, next_turn, transcript and partial use the default profile with responseStart ' +
        'server and the default budget; transcript_1s (transcript with budgetMs 1000) is extra, ' +
        'so the sweep shows the cost of waiting for the transcript where the budget does not cut it',
    },
    what: {
      realtime:
        'end of speech (`input_audio_buffer.speech_stopped`) → first response audio ' +
        '(`output_audio_buffer.started`, the earliest audio signal: the simulator sends it when the ' +
        'response starts playing, 150 ms of simulated model time before the first ' +
        '`response.output_audio_transcript.delta`; that later signal is reported too), both as ' +
        "received on the page's data channel (werift), per spoken turn (`/__sim/calls/{id}/say`, " +
        'a different corpus question each turn, the same sequence for every agent); every agent ' +
        'has `responseStart: server`; turns interleaved across agents in one app',
      addedMs: 'mode − baseline at the same percentile, same app and transcription delay',
      outcomes:
        '`switchboard_grounding_seconds{api="realtime",mode}` counts by outcome over the measured ' +
        "turns (warm-up excluded), each turn's increments credited to the agent that spoke it",
      transcriptWait:
        '`switchboard_grounding_transcript_wait_seconds{mode}` over the measured turns: exact ' +
        'mean; p50/p95 as the upper bound of their histogram bucket',
      live:
        "GPT-Live: caller's last `session.input_transcript.delta` as Switchboard's sideband " +
        'receives it (LiveEventBus) → Switchboard sending `session.thinking.append` (LiveSidebands' +
        '.send, timed by the bench) → its `session.thinking.appended` ack back on the sideband; ' +
        "and the voice's answer time on the page (last input transcript delta → first " +
        '`session.output_transcript.delta`) with and without grounding. The simulated voice runs in ' +
        "Switchboard's process, so grounding's CPU can slow it here; the real voice runs at OpenAI",
    },
    transcriptionDelayMs: {
      value: TRANSCRIPTION_DELAY_MS,
      why: DELAY_WHY,
      sweep: SWEEP_DELAYS_MS,
      live: 'not applicable: the simulated Live voice sends the input transcript as it hears the turn',
    },
    groundingBudgetMs: budgetMs,
    target: {
      mode: 'next_turn',
      maxAddedP95Ms: TARGET_ADDED_P95_MS,
      addedP95Ms: addedNextP95,
      met: addedNextP95 <= TARGET_ADDED_P95_MS,
    },
    modes: realtime.modes,
    addedMs: realtime.addedMs,
    transcriptSweep: sweep,
    live,
    totalRunSeconds: Math.round((performance.now() - runStart) / 1000),
    at: new Date().toISOString(),
  };
  const file = writeResult('grounding', result);
  const print = (label: string, run: RealtimeRun) => {
    for (const [agent, mode] of Object.entries(run.modes)) {
      const audio = mode.speechStoppedToFirstAudio;
      const added = run.addedMs[agent as RealtimeAgent];
      const outcomes = mode.outcomes
        ? Object.entries(mode.outcomes)
            .filter(([, n]) => n > 0)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ') || 'none'
        : undefined;
      console.log(
        `grounding [${database}, ${label}]: ${agent.padEnd(10)} end of speech→first audio p50/p95 ` +
          `${audio.p50Ms}/${audio.p95Ms} ms` +
          (added ? ` (${signed(added.p50)}/${signed(added.p95)} ms vs baseline)` : '') +
          (outcomes === undefined ? '' : `; outcomes ${outcomes}`) +
          (mode.transcriptWait ? `; transcript wait mean ${mode.transcriptWait.meanMs} ms` : '') +
          `; knowledge before its own answer ${mode.knowledgeBeforeAnswerShare}`,
      );
    }
  };
  print(`transcript ${TRANSCRIPTION_DELAY_MS} ms`, realtime);
  for (const s of sweep) print(`transcript ${s.transcriptionDelayMs} ms`, s);
  const g = live.grounding;
  console.log(
    `grounding [${database}, GPT-Live]: last input delta→thinking.append sent p50/p95 ` +
      `${g.lastDeltaToAppendSent?.p50Ms ?? '–'}/${g.lastDeltaToAppendSent?.p95Ms ?? '–'} ms, ` +
      `→ack ${g.lastDeltaToAck?.p50Ms ?? '–'}/${g.lastDeltaToAck?.p95Ms ?? '–'} ms; voice answer ` +
      `p50/p95 ${live.voiceAnswer.live_baseline.p50Ms}/${live.voiceAnswer.live_baseline.p95Ms} ms ` +
      `without, ${live.voiceAnswer.live_grounded.p50Ms}/${live.voiceAnswer.live_grounded.p95Ms} ms ` +
      `with grounding (${signed(live.voiceAnswer.addedMs.p50)}/${signed(live.voiceAnswer.addedMs.p95)} ms); ` +
      `appended before the voice answered ${g.appendedBeforeVoiceAnsweredShare}`,
  );
  console.log(
    JSON.stringify({
      file,
      addedMs: result.addedMs,
      target: result.target,
      totalRunSeconds: result.totalRunSeconds,
    }),
  );
}

// ─── app, knowledge ─────────────────────────────────────────────────────────────────────────

async function boot(
  env: Record<string, string>,
  delayMs: number,
  docs: readonly CorpusDocument[],
  log: (line: string) => void,
): Promise<{ bench: BenchApp; chunks: number }> {
  const bench = await startBenchApp([], {
    ...env,
    SWITCHBOARD_SIMULATOR_TRANSCRIPTION_DELAY_MS: String(delayMs),
  });
  try {
    await bench.app.listen(0, '127.0.0.1');
    const t0 = performance.now();
    const chunks = await ingest(bench.app, docs);
    log(
      `${bench.database}, transcription delay ${delayMs} ms: ${docs.length} documents ` +
        `(${chunks} chunks) ingested in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    return { bench, chunks };
  } catch (error) {
    await bench.close();
    throw error;
  }
}

/** Uploads `docs` into one acme source readable by `customer`; resolves once every job is ready. */
async function ingest(app: INestApplication, docs: readonly CorpusDocument[]): Promise<number> {
  const base = await baseUrl(app);
  const { key } = await app
    .get(ApiKeysService)
    .create('bench-editor', ['knowledge_editor'], 'system');
  const call = async (path: string, body: unknown, expected: number) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== expected) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, string>;
  };
  const { id: sourceId } = await call(
    '/v1/knowledge/sources',
    { name: 'Shop help centre', tenantId: 'acme', allowedRoles: ['customer'] },
    201,
  );
  const ids: string[] = [];
  for (const doc of docs) {
    const { documentId } = await call(
      `/v1/knowledge/sources/${sourceId}/documents`,
      { title: doc.title, text: doc.text },
      202,
    );
    ids.push(documentId!);
  }
  const dataSource = app.get(DataSource);
  for (let tries = 0; ; tries++) {
    const [{ open, failed }] = (await dataSource.query(
      `SELECT count(*) FILTER (WHERE status NOT IN ('ready', 'failed'))::int AS open,
              count(*) FILTER (WHERE status = 'failed')::int AS failed
       FROM knowledge_jobs WHERE document_id = ANY($1::text[])`,
      [ids],
    )) as { open: number; failed: number }[];
    if (failed > 0) throw new Error(`${failed} ingestion jobs failed`);
    if (open === 0) break;
    if (tries > 6000) throw new Error('ingestion did not finish within 5 minutes');
    await sleep(50);
  }
  const [{ stored }] = (await dataSource.query(
    `SELECT count(*)::int AS stored FROM knowledge_chunks WHERE source_id = $1`,
    [sourceId],
  )) as { stored: number }[];
  return stored;
}

// ─── Realtime ───────────────────────────────────────────────────────────────────────────────

interface RealtimeMode {
  /** The profile's grounding mode (an agent name need not be one). */
  readonly mode?: string;
  readonly speechStoppedToFirstAudio: Distribution;
  readonly speechStoppedToFirstTranscriptDelta: Distribution;
  readonly speechStoppedToResponseCreated: Distribution;
  /** As the page sees it: the simulator's transcription delay plus delivery. */
  readonly commitToTranscriptCompleted: Distribution;
  /** Share of turns with a knowledge item added before their own `response.created`. */
  readonly knowledgeBeforeAnswerShare: number;
  readonly knowledgeItemsPerTurn: number;
  readonly outcomes?: Record<string, number>;
  readonly transcriptWait?: HistogramSummary;
  readonly groundingSeconds?: Record<string, HistogramSummary>;
}

interface RealtimeRun {
  readonly modes: Record<string, RealtimeMode>;
  readonly addedMs: Partial<Record<RealtimeAgent, { p50: number; p95: number }>>;
}

interface RealtimeSample {
  readonly audioMs: number;
  readonly deltaMs: number;
  readonly createdMs: number;
  readonly transcriptMs: number;
  readonly knowledgeBefore: number;
  readonly knowledgeItems: number;
}

async function realtimeRun(
  app: INestApplication,
  agents: readonly RealtimeAgent[],
  docs: readonly CorpusDocument[],
  log: (line: string) => void,
): Promise<RealtimeRun> {
  const calls = new Map<RealtimeAgent, Page & { callId: string }>();
  try {
    for (const agent of agents) calls.set(agent, await connectRealtime(app, agent));
    for (let i = 0; i < WARM_UP; i++)
      for (const agent of agents)
        await realtimeTurn(app, calls.get(agent)!, questionOf(docs, i, 40), agent !== 'baseline');
    const samples = new Map<RealtimeAgent, RealtimeSample[]>(agents.map((a) => [a, []]));
    // What each agent's turns added to the app's histograms (two agents can share a mode label).
    const metrics = new Map<RealtimeAgent, Snapshot>(agents.map((a) => [a, new Map()]));
    const none: Snapshot = new Map();
    const started = performance.now();
    for (let i = 0; i < TURNS; i++)
      for (const agent of agents) {
        const before = await metricSnapshot(app);
        const text = questionOf(docs, i, 0);
        const grounded = agent !== 'baseline';
        samples.get(agent)!.push(await realtimeTurn(app, calls.get(agent)!, text, grounded));
        accumulate(metrics.get(agent)!, before, await metricSnapshot(app));
      }
    const wall = performance.now() - started;
    const modes: Record<string, RealtimeMode> = {};
    for (const agent of agents) {
      const s = samples.get(agent)!;
      const mode = modeOf(agent);
      const turned = metrics.get(agent)!;
      const of = (pick: (x: RealtimeSample) => number) => distribution(s.map(pick), wall);
      modes[agent] = {
        speechStoppedToFirstAudio: of((x) => x.audioMs),
        speechStoppedToFirstTranscriptDelta: of((x) => x.deltaMs),
        speechStoppedToResponseCreated: of((x) => x.createdMs),
        commitToTranscriptCompleted: of((x) => x.transcriptMs),
        knowledgeBeforeAnswerShare: round(s.filter((x) => x.knowledgeBefore > 0).length / s.length),
        knowledgeItemsPerTurn: round(s.reduce((n, x) => n + x.knowledgeItems, 0) / s.length),
        ...(mode
          ? {
              mode,
              outcomes: outcomesOf(none, turned, 'realtime', mode),
              transcriptWait: histogramOf(none, turned, TRANSCRIPT_WAIT, { mode }),
              groundingSeconds: byOutcome(none, turned, 'realtime', mode),
            }
          : {}),
      };
    }
    const base = modes.baseline!.speechStoppedToFirstAudio;
    const addedMs: RealtimeRun['addedMs'] = {};
    for (const agent of agents) {
      if (agent === 'baseline') continue;
      const d = modes[agent]!.speechStoppedToFirstAudio;
      addedMs[agent] = { p50: round(d.p50Ms - base.p50Ms), p95: round(d.p95Ms - base.p95Ms) };
    }
    log(`realtime: ${agents.join(', ')}: ${TURNS} turns each in ${(wall / 1000).toFixed(0)} s`);
    return { modes, addedMs };
  } finally {
    for (const call of calls.values()) await call.browser.close();
  }
}

/** One spoken turn, settled: answered, its audio played, its transcript in, its grounding done. */
async function realtimeTurn(
  app: INestApplication,
  call: Page & { callId: string },
  text: string,
  grounded: boolean,
): Promise<RealtimeSample> {
  const from = call.browser.stream.events.length;
  const observedBefore = grounded ? await observationCount(app, 'realtime') : 0;
  const waits = {
    stopped: call.first('input_audio_buffer.speech_stopped', from),
    committed: call.first('input_audio_buffer.committed', from),
    created: call.first('response.created', from),
    audio: call.first('output_audio_buffer.started', from),
    delta: call.first('response.output_audio_transcript.delta', from),
    transcribed: call.first('conversation.item.input_audio_transcription.completed', from),
    done: call.first('response.done', from),
    played: call.first('output_audio_buffer.stopped', from),
  };
  await simulator(app, `/__sim/calls/${call.callId}/say`, { text });
  const e = Object.fromEntries(
    await Promise.all(Object.entries(waits).map(async ([k, p]) => [k, await p] as const)),
  ) as Record<keyof typeof waits, RealtimeEvent>;
  if (grounded) await settled(() => observationCount(app, 'realtime'), observedBefore, 0, 5000);
  await sleep(TURN_GAP_MS);
  const events = call.browser.stream.events;
  const createdAt = events.indexOf(e.created);
  const knowledge = events
    .slice(from)
    .filter(isKnowledgeItem)
    .map((k) => events.indexOf(k));
  const t = (event: RealtimeEvent) => call.at.get(event)!;
  return {
    audioMs: t(e.audio) - t(e.stopped),
    deltaMs: t(e.delta) - t(e.stopped),
    createdMs: t(e.created) - t(e.stopped),
    transcriptMs: t(e.transcribed) - t(e.committed),
    knowledgeBefore: knowledge.filter((i) => i < createdAt).length,
    knowledgeItems: knowledge.length,
  };
}

function isKnowledgeItem(event: RealtimeEvent): boolean {
  if (event.type !== 'conversation.item.added') return false;
  const item = event.item as { role?: string; content?: { text?: string }[] } | undefined;
  return (
    item?.role === 'system' &&
    (item.content ?? []).some((c) => c.text?.includes('<knowledge id="kn_') ?? false)
  );
}

// ─── GPT-Live ───────────────────────────────────────────────────────────────────────────────

interface ServerMark {
  readonly kind: 'delta' | 'append' | 'ack';
  readonly at: number;
}

interface LiveRun {
  readonly turns: number;
  readonly voiceAnswer: {
    readonly live_baseline: Distribution;
    readonly live_grounded: Distribution;
    readonly addedMs: { p50: number; p95: number };
  };
  readonly grounding: {
    readonly lastDeltaToAppendSent: Distribution | null;
    readonly lastDeltaToAck: Distribution | null;
    readonly sayToFirstAppendSent: Distribution | null;
    /** Turns whose last append was sent after the caller's last delta (the ones timed above). */
    readonly turnsAppendedAfterLastDelta: number;
    /** Turns with no append after the last delta (already given for fewer words, or same as before). */
    readonly turnsWithoutAppendAfterLastDelta: number;
    readonly appendsPerTurn: { mean: number; max: number };
    readonly retrievalsPerTurn: { mean: number; max: number };
    readonly inputDeltasPerTurn: number;
    /** Share of turns whose first append was sent before the voice's first answer word reached the page. */
    readonly appendedBeforeVoiceAnsweredShare: number;
    readonly outcomes: Record<string, number>;
    readonly groundingSeconds: Record<string, HistogramSummary>;
  };
}

async function liveRun(
  app: INestApplication,
  docs: readonly CorpusDocument[],
  log: (line: string) => void,
): Promise<LiveRun> {
  // Switchboard's side, timed in-process: what its sideband receives, and what it sends.
  const marks = new Map<string, ServerMark[]>();
  const mark = (callId: string, kind: ServerMark['kind'], at = performance.now()) => {
    const list = marks.get(callId) ?? [];
    list.push({ kind, at });
    marks.set(callId, list);
  };
  const unsubscribe = app.get(LiveEventBus).on('live.event', ({ callId, event }) => {
    if (event.type === 'session.input_transcript.delta') mark(callId, 'delta');
    else if ((event.type as string) === 'session.thinking.appended') mark(callId, 'ack');
  });
  const sidebands = app.get(LiveSidebands);
  const send = sidebands.send.bind(sidebands);
  sidebands.send = (callId, event) => {
    const at = performance.now();
    const sent = send(callId, event);
    if (sent && event.type === 'session.thinking.append') mark(callId, 'append', at);
    return sent;
  };
  const agents = Object.keys(LIVE_AGENTS) as LiveAgent[];
  const calls = new Map<LiveAgent, Page & { callId: string }>();
  try {
    for (const agent of agents) calls.set(agent, await connectLive(app, agent));
    const turn = (agent: LiveAgent, text: string) =>
      liveTurn(app, calls.get(agent)!, text, agent === 'live_grounded', marks);
    for (let i = 0; i < WARM_UP; i++)
      for (const agent of agents) await turn(agent, questionOf(docs, i, 40));
    const before = await metricSnapshot(app);
    const samples = new Map<LiveAgent, LiveSample[]>(agents.map((a) => [a, []]));
    const started = performance.now();
    for (let i = 0; i < TURNS; i++)
      for (const agent of agents)
        samples.get(agent)!.push(await turn(agent, questionOf(docs, i, 0)));
    const wall = performance.now() - started;
    const after = await metricSnapshot(app);
    const plain = distribution(
      samples.get('live_baseline')!.map((s) => s.voiceAnswerMs),
      wall,
    );
    const g = samples.get('live_grounded')!;
    const grounded = distribution(
      g.map((s) => s.voiceAnswerMs),
      wall,
    );
    const timed = g.filter((s) => s.lastDeltaToAppendMs !== undefined);
    const stat = (values: number[]) => ({
      mean: round(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)),
      max: Math.max(0, ...values),
    });
    log(`live: ${agents.join(', ')}: ${TURNS} turns each in ${(wall / 1000).toFixed(0)} s`);
    return {
      turns: TURNS,
      voiceAnswer: {
        live_baseline: plain,
        live_grounded: grounded,
        addedMs: {
          p50: round(grounded.p50Ms - plain.p50Ms),
          p95: round(grounded.p95Ms - plain.p95Ms),
        },
      },
      grounding: {
        lastDeltaToAppendSent: maybeDistribution(
          timed.map((s) => s.lastDeltaToAppendMs!),
          wall,
        ),
        lastDeltaToAck: maybeDistribution(
          timed.flatMap((s) => (s.lastDeltaToAckMs === undefined ? [] : [s.lastDeltaToAckMs])),
          wall,
        ),
        sayToFirstAppendSent: maybeDistribution(
          g.flatMap((s) => (s.sayToFirstAppendMs === undefined ? [] : [s.sayToFirstAppendMs])),
          wall,
        ),
        turnsAppendedAfterLastDelta: timed.length,
        turnsWithoutAppendAfterLastDelta: g.length - timed.length,
        appendsPerTurn: stat(g.map((s) => s.appends)),
        retrievalsPerTurn: stat(g.map((s) => s.retrievals)),
        inputDeltasPerTurn: round(g.reduce((n, s) => n + s.inputDeltas, 0) / g.length),
        appendedBeforeVoiceAnsweredShare: round(
          g.filter((s) => s.appendedBeforeAnswer).length / g.length,
        ),
        outcomes: outcomesOf(before, after, 'live', 'as_spoken'),
        groundingSeconds: byOutcome(before, after, 'live', 'as_spoken'),
      },
    };
  } finally {
    unsubscribe();
    sidebands.send = send;
    for (const call of calls.values()) await call.browser.close();
  }
}

interface LiveSample {
  /** Page: the caller's last input transcript delta → the voice's first output transcript delta. */
  readonly voiceAnswerMs: number;
  readonly lastDeltaToAppendMs?: number;
  readonly lastDeltaToAckMs?: number;
  readonly sayToFirstAppendMs?: number;
  readonly appends: number;
  readonly retrievals: number;
  readonly inputDeltas: number;
  readonly appendedBeforeAnswer: boolean;
}

async function liveTurn(
  app: INestApplication,
  call: Page & { callId: string },
  text: string,
  grounded: boolean,
  marks: Map<string, ServerMark[]>,
): Promise<LiveSample> {
  const from = call.browser.stream.events.length;
  const markFrom = marks.get(call.callId)?.length ?? 0;
  const observedBefore = await observationCount(app, 'live');
  const answered = call.first('session.output_transcript.delta', from);
  const saidAt = performance.now();
  await simulator(app, `/__sim/live/sessions/${call.callId}/say`, { text });
  const answer = await answered;
  const answeredAt = call.at.get(answer)!;
  // The voice says "Yes." (4 characters at 50 ms): let it finish before the caller speaks again.
  await sleep(250);
  if (grounded) await settled(() => observationCount(app, 'live'), observedBefore, 100, 5000);
  await sleep(TURN_GAP_MS);
  const events = call.browser.stream.events;
  const inputs = events
    .slice(from, events.indexOf(answer))
    .filter((e) => e.type === 'session.input_transcript.delta');
  if (inputs.length === 0) throw new Error('the page saw no input transcript before the answer');
  const own = (marks.get(call.callId) ?? []).slice(markFrom);
  const deltas = own.filter((m) => m.kind === 'delta');
  const appends = own.filter((m) => m.kind === 'append');
  const lastDelta = deltas.at(-1)?.at;
  const lastAppend = appends.at(-1);
  const timed = lastDelta !== undefined && lastAppend !== undefined && lastAppend.at >= lastDelta;
  const ack = timed ? own.find((m) => m.kind === 'ack' && m.at >= lastAppend.at) : undefined;
  return {
    voiceAnswerMs: answeredAt - call.at.get(inputs.at(-1)!)!,
    lastDeltaToAppendMs: timed ? lastAppend.at - lastDelta : undefined,
    lastDeltaToAckMs: ack && lastDelta !== undefined ? ack.at - lastDelta : undefined,
    sayToFirstAppendMs: appends[0] ? appends[0].at - saidAt : undefined,
    appends: appends.length,
    retrievals: (await observationCount(app, 'live')) - observedBefore,
    inputDeltas: deltas.length,
    appendedBeforeAnswer: appends[0] !== undefined && appends[0].at < answeredAt,
  };
}

// ─── pages and calls ────────────────────────────────────────────────────────────────────────

/** A werift page whose data-channel events are timed as they arrive (`performance.now()`). */
interface Page {
  readonly browser: WeriftBrowser;
  readonly at: WeakMap<RealtimeEvent, number>;
  /** The first event of `type` from index `from` of the page's events, waiting for it. */
  first(type: string, from: number, timeoutMs?: number): Promise<RealtimeEvent>;
}

function timedPage(): Page {
  const browser = new WeriftBrowser();
  const at = new WeakMap<RealtimeEvent, number>();
  const listeners = new Set<(event: RealtimeEvent) => void>();
  const push = browser.stream.push.bind(browser.stream);
  browser.stream.push = (event) => {
    at.set(event, performance.now());
    push(event);
    for (const listener of [...listeners]) listener(event);
  };
  return {
    browser,
    at,
    first(type, from, timeoutMs = 10_000) {
      const seen = browser.stream.events.slice(from).find((e) => e.type === type);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          const recent = browser.stream.types().slice(-15).join(', ');
          reject(new Error(`timed out waiting for ${type}; saw: ${recent}`));
        }, timeoutMs);
        const listener = (event: RealtimeEvent) => {
          if (event.type !== type) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(event);
        };
        listeners.add(listener);
      });
    },
  };
}

/**
 * A customer of acme opens a session of `agent` and a timed page connects; resolves once the page
 * saw `started` and Switchboard's sideband is attached (`sidebandsOf`).
 */
async function openSession(
  app: INestApplication,
  agent: string,
  started: string,
  sidebandsOf: (callId: string) => Promise<number>,
): Promise<Page & { callId: string }> {
  const base = await baseUrl(app);
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
  if (opened.status !== 201)
    throw new Error(`open ${agent}: ${opened.status} ${await opened.text()}`);
  const { id } = (await opened.json()) as { id: string };
  const page = timedPage();
  const answer = await fetch(`${base}/v1/sessions/${id}/sdp`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/sdp' },
    body: await page.browser.offer(),
  });
  if (!answer.ok) throw new Error(`sdp ${agent}: ${answer.status} ${await answer.text()}`);
  await page.browser.accept(await answer.text());
  await page.browser.stream.next(started, () => true, 20_000);
  const callId = (await app.get(SessionsService).getAny(id)).callId!;
  for (let tries = 0; (await sidebandsOf(callId)) !== 1; tries++) {
    if (tries > 800) throw new Error(`${agent}: the sideband did not attach`);
    await sleep(25);
  }
  return { ...page, callId };
}

function connectRealtime(app: INestApplication, agent: RealtimeAgent) {
  return openSession(app, agent, 'session.created', async (callId) =>
    Number(((await simulator(app, `/__sim/calls/${callId}`)) as { sidebands: number }).sidebands),
  );
}

function connectLive(app: INestApplication, agent: LiveAgent) {
  return openSession(app, agent, 'session.started', async (callId) =>
    Number(
      ((await simulator(app, `/__sim/live/sessions/${callId}`)) as { sidebands: number }).sidebands,
    ),
  );
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

async function baseUrl(app: INestApplication): Promise<string> {
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

// ─── the app's histograms ───────────────────────────────────────────────────────────────────

const GROUNDING_SECONDS = 'switchboard_grounding_seconds';
const TRANSCRIPT_WAIT = 'switchboard_grounding_transcript_wait_seconds';

interface Series {
  readonly metricName: string;
  readonly labels: Record<string, string | number>;
  readonly value: number;
}
type Snapshot = Map<string, Series>;

interface HistogramSummary {
  readonly count: number;
  readonly meanMs: number;
  /** Upper bound (ms) of the bucket holding the percentile; null above the last bucket. */
  readonly p50AtMostMs: number | null;
  readonly p95AtMostMs: number | null;
}

async function metricSnapshot(app: INestApplication): Promise<Snapshot> {
  const registry = app.get(MetricsRegistry);
  const snapshot: Snapshot = new Map();
  for (const name of [GROUNDING_SECONDS, TRANSCRIPT_WAIT]) {
    const metric = registry.getSingleMetric(name);
    if (!metric) continue;
    for (const v of (await metric.get()).values as Series[]) {
      const labels = Object.fromEntries(Object.entries(v.labels).sort());
      snapshot.set(JSON.stringify([v.metricName ?? name, labels]), {
        ...v,
        metricName: v.metricName ?? name,
        labels,
      });
    }
  }
  return snapshot;
}

/** Adds what grew from `before` to `after` into `total`. */
function accumulate(total: Snapshot, before: Snapshot, after: Snapshot): void {
  for (const [key, s] of after) {
    const grew = s.value - (before.get(key)?.value ?? 0);
    total.set(key, { ...s, value: (total.get(key)?.value ?? 0) + grew });
  }
}

/** The series of `after` matching `where`, less what `before` had. */
function grown(before: Snapshot, after: Snapshot, where: (s: Series) => boolean): Series[] {
  return [...after.entries()]
    .filter(([, s]) => where(s))
    .map(([key, s]) => ({ ...s, value: s.value - (before.get(key)?.value ?? 0) }));
}

function matches(s: Series, labels: Record<string, string>): boolean {
  return Object.entries(labels).every(([k, v]) => s.labels[k] === v);
}

function histogramOf(
  before: Snapshot,
  after: Snapshot,
  name: string,
  labels: Record<string, string>,
): HistogramSummary | undefined {
  const series = grown(before, after, (s) => s.metricName.startsWith(name) && matches(s, labels));
  const count = series
    .filter((s) => s.metricName === `${name}_count`)
    .reduce((n, s) => n + s.value, 0);
  if (count === 0) return undefined;
  const sum = series.filter((s) => s.metricName === `${name}_sum`).reduce((n, s) => n + s.value, 0);
  // Cumulative buckets, summed over the matching label sets (e.g. every outcome of a mode).
  const buckets = new Map<number, number>();
  for (const s of series.filter((x) => x.metricName === `${name}_bucket`)) {
    const le = s.labels.le === '+Inf' ? Number.POSITIVE_INFINITY : Number(s.labels.le);
    buckets.set(le, (buckets.get(le) ?? 0) + s.value);
  }
  const sorted = [...buckets.entries()].sort((a, b) => a[0] - b[0]);
  const at = (p: number) => {
    const le = sorted.find(([, n]) => n >= (p / 100) * count)?.[0];
    return le === undefined || !Number.isFinite(le) ? null : round(le * 1000);
  };
  return { count, meanMs: round((sum / count) * 1000), p50AtMostMs: at(50), p95AtMostMs: at(95) };
}

function outcomesOf(
  before: Snapshot,
  after: Snapshot,
  api: string,
  mode: string,
): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
  for (const s of grown(
    before,
    after,
    (x) => x.metricName === `${GROUNDING_SECONDS}_count` && matches(x, { api, mode }),
  ))
    counts[String(s.labels.outcome)] = (counts[String(s.labels.outcome)] ?? 0) + s.value;
  return counts;
}

function byOutcome(
  before: Snapshot,
  after: Snapshot,
  api: string,
  mode: string,
): Record<string, HistogramSummary> {
  const result: Record<string, HistogramSummary> = {};
  for (const [outcome, n] of Object.entries(outcomesOf(before, after, api, mode))) {
    if (n === 0) continue;
    const h = histogramOf(before, after, GROUNDING_SECONDS, { api, mode, outcome });
    if (h) result[outcome] = h;
  }
  return result;
}

/** Grounding attempts recorded so far for `api` (every mode and outcome). */
async function observationCount(app: INestApplication, api: string): Promise<number> {
  const metric = app.get(MetricsRegistry).getSingleMetric(GROUNDING_SECONDS);
  if (!metric) return 0;
  return ((await metric.get()).values as Series[])
    .filter((s) => s.metricName === `${GROUNDING_SECONDS}_count` && s.labels.api === api)
    .reduce((n, s) => n + s.value, 0);
}

/** Waits until `read()` has grown past `before` and then stayed put for `quietMs` (or `maxMs`). */
async function settled(
  read: () => Promise<number>,
  before: number,
  quietMs: number,
  maxMs: number,
): Promise<void> {
  const deadline = performance.now() + maxMs;
  let last = await read();
  let changedAt = performance.now();
  while (performance.now() < deadline) {
    if (last > before && performance.now() - changedAt >= quietMs) return;
    await sleep(10);
    const now = await read();
    if (now !== last) {
      last = now;
      changedAt = performance.now();
    }
  }
}

function maybeDistribution(times: number[], wallMs: number): Distribution | null {
  return times.length > 0 ? distribution(times, wallMs) : null;
}

function signed(n: number): string {
  return n >= 0 ? `+${n}` : `${n}`;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
