import { createEffectiveSession } from '../protocol/session-config.js';
import { defaultScenario } from '../scenario/default-scenario.js';
import { CallRegistry } from './call-registry.js';
import type { EventSink, ServerEvent } from './call-types.js';

type Done = {
  response: { status: string; status_details: unknown; usage: { output_tokens: number } };
};

/** A WebSocket client of the call that resolves with the first `response.done` it receives. */
function doneSink(resolve: (event: Done) => void): EventSink {
  return {
    via: 'websocket',
    maxIncomingBytes: Infinity,
    maxOutgoingBytes: Infinity,
    write: (text) => {
      const event = JSON.parse(text) as ServerEvent;
      if (event.type === 'response.done') resolve(event as unknown as Done);
    },
    close: () => undefined,
  };
}

describe('ResponseRun: max_output_tokens', () => {
  const registry = new CallRegistry({
    scenario: defaultScenario,
    maxCallDurationMs: 60_000,
    speechMsPerChar: 50,
    timeScale: 1,
    logger: { warn: () => undefined },
  });
  afterAll(() => registry.endAll('test_done'));

  async function respond(cap: number | 'inf', perResponse?: number) {
    const call = registry.create('websocket', {
      ...createEffectiveSession(),
      max_output_tokens: cap,
    });
    const done = new Promise<Done>((resolve) => call.attach(doneSink(resolve)));
    call.receive(
      JSON.stringify({
        type: 'response.create',
        response: perResponse === undefined ? {} : { max_output_tokens: perResponse },
      }),
      'websocket',
    );
    return done;
  }

  it('stops the reply at the cap with status incomplete and reason max_output_tokens', async () => {
    const done = await respond(20);
    expect(done.response.status).toBe('incomplete');
    expect(done.response.status_details).toEqual({
      type: 'incomplete',
      reason: 'max_output_tokens',
    });
    expect(done.response.usage.output_tokens).toBeLessThanOrEqual(20);
    expect(done.response.usage.output_tokens).toBeGreaterThan(0);
  });

  it('applies a per-response cap when the session has none', async () => {
    const done = await respond('inf', 20);
    expect(done.response.status).toBe('incomplete');
    expect(done.response.usage.output_tokens).toBeLessThanOrEqual(20);
  });

  it('completes a reply that fits', async () => {
    const done = await respond(4096);
    expect(done.response.status).toBe('completed');
    expect(done.response.status_details).toBeNull();
  });
});
