// The time spans and waits of the test call (`test-call.ts`).

/** `30s`, `2m`, `1500ms` or a number of seconds; undefined when it is none of them or not > 0. */
export function timeoutMsOf(text: string): number | undefined {
  const matched = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/.exec(text.trim());
  if (!matched) return undefined;
  const ms = parseFloat(matched[1]) * { ms: 1, s: 1000, m: 60_000 }[matched[2] ?? 's']!;
  return ms > 0 ? ms : undefined;
}

/** A one-shot promise with its resolver, for waits that other events end. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Waits for `promise`, unless `signal` aborts first (rejects with its reason) or `ms` pass (rejects
 * with `onTimeout`).
 */
export function waitUnless(
  signal: AbortSignal,
  ms: number,
  promise: Promise<void>,
  onTimeout: Error,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const settle = (error?: unknown) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', aborted);
      if (error === undefined) resolve();
      else reject(error);
    };
    const aborted = () => settle(signal.reason);
    const timer = setTimeout(() => settle(onTimeout), ms);
    if (signal.aborted) return aborted();
    signal.addEventListener('abort', aborted);
    promise.then(() => settle(), settle);
  });
}

/** Waits for `promise` at most `ms`, whatever it does: for waits that may give up quietly. */
export async function within(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const elapsed = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([promise.catch(() => undefined), elapsed]);
  clearTimeout(timer);
}
