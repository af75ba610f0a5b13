/**
 * Extra fakes for the adversarial client tests: a stream the test writes raw bytes into (so it
 * can split a block, a CRLF pair or a UTF-8 character across chunks), and a promise the test
 * settles by hand (a request that hangs until told).
 */

export class RawEventStream {
  private controller?: ReadableStreamDefaultController<Uint8Array>;
  readonly response: Response;

  constructor(contentType = 'text/event-stream') {
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => void (this.controller = controller),
    });
    this.response = new Response(body, { status: 200, headers: { 'content-type': contentType } });
  }

  /** Writes text, or exact bytes. */
  write(chunk: string | Uint8Array): void {
    this.controller?.enqueue(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  }

  end(): void {
    this.controller?.close();
  }
}

export interface Pending<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function pending<T>(): Pending<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Settles with the promise's outcome, or `'still pending'` once `ms` passed. */
export async function settledWithin<T>(
  promise: Promise<T>,
  ms: number,
): Promise<{ value: T } | { error: unknown } | 'still pending'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<'still pending'>((resolve) => {
    timer = setTimeout(() => resolve('still pending'), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      guard,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
