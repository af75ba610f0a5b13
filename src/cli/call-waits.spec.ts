import { timeoutMsOf, waitUnless, within } from './call-waits.js';

describe(timeoutMsOf.name, () => {
  it.each([
    ['30s', 30_000],
    ['2m', 120_000],
    ['1500ms', 1500],
    ['45', 45_000],
    ['0.5s', 500],
  ])('reads %s as %d ms', (text, ms) => expect(timeoutMsOf(text)).toBe(ms));

  it.each(['', 'soon', '0', '-5s', '1h', '5 minutes'])('refuses "%s"', (text) =>
    expect(timeoutMsOf(text)).toBeUndefined(),
  );
});

describe(waitUnless.name, () => {
  it('resolves with the promise, rejects on abort or when the time is up', async () => {
    const never = new Promise<void>(() => undefined);
    const controller = new AbortController();
    await expect(
      waitUnless(controller.signal, 1000, Promise.resolve(), new Error('late')),
    ).resolves.toBeUndefined();
    await expect(waitUnless(controller.signal, 5, never, new Error('late'))).rejects.toThrow(
      'late',
    );
    const stopped = waitUnless(controller.signal, 1000, never, new Error('late'));
    controller.abort(new Error('why'));
    await expect(stopped).rejects.toThrow('why');
    await expect(waitUnless(controller.signal, 1000, never, new Error('x'))).rejects.toThrow('why');
  });
});

describe(within.name, () => {
  it('gives up quietly, and ignores a rejection', async () => {
    await expect(within(new Promise(() => undefined), 5)).resolves.toBeUndefined();
    await expect(within(Promise.reject(new Error('no')), 1000)).resolves.toBeUndefined();
  });
});
