import { PollLoop } from './poll-loop.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('PollLoop', () => {
  it('runs one more pass when kicked during a pass, never two at once', async () => {
    const gates = [deferred(), deferred()];
    const secondStarted = deferred();
    let passes = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const loop = new PollLoop(async () => {
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      if (passes === 1) secondStarted.resolve();
      await gates[passes++]?.promise;
      concurrent--;
    }, fail);
    loop.kick();
    loop.kick();
    loop.kick();
    gates[0].resolve();
    await secondStarted.promise;
    gates[1].resolve();
    await loop.stop();
    expect(passes).toBe(2);
    expect(maxConcurrent).toBe(1);
  });

  it('reports a failing pass and keeps working', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const loop = new PollLoop(
      async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
      },
      (e) => errors.push(e),
    );
    loop.kick();
    await new Promise((r) => setImmediate(r));
    loop.kick();
    await loop.stop();
    expect(errors).toHaveLength(1);
    expect(calls).toBe(2);
  });

  it('starts nothing after stop, and stop waits for the running pass', async () => {
    const gate = deferred();
    let finished = false;
    const loop = new PollLoop(async () => {
      await gate.promise;
      finished = true;
    }, fail);
    loop.kick();
    const stopping = loop.stop();
    expect(loop.isStopped).toBe(true);
    gate.resolve();
    await stopping;
    expect(finished).toBe(true);
    loop.kick();
    expect(finished).toBe(true);
  });
});

function fail(error: unknown): never {
  throw error;
}
