import type { DestinationStream } from 'pino';

/** A pino destination that keeps every line in memory, parsed, so tests can assert on logs. */
export class LogCapture implements DestinationStream {
  readonly lines: Record<string, unknown>[] = [];

  write(line: string): void {
    for (const part of line.split('\n').filter(Boolean)) {
      this.lines.push(JSON.parse(part) as Record<string, unknown>);
    }
  }

  /** Lines whose serialized form contains `text`. */
  containing(text: string): Record<string, unknown>[] {
    return this.lines.filter((line) => JSON.stringify(line).includes(text));
  }
}
