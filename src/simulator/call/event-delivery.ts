import { ids } from '../ids.js';
import { OpenAIError } from '../protocol/openai-error.js';
import type { EventSink, ServerEvent, Via } from './call-types.js';

/** Something the simulator could not do for one connection; recorded in the call's log and logged. */
export type DeliveryFault =
  | { kind: 'too_large'; type: string; eventId?: string; bytes: number; maxBytes: number }
  | {
      kind: 'write_failed' | 'close_failed' | 'connection_error' | 'handler_failed';
      error: string;
    };

export type FaultReport = (fault: DeliveryFault) => void;

const TRANSPORTS: Record<Via, string> = {
  datachannel: 'data channel',
  websocket: 'WebSocket',
  sideband: 'sideband WebSocket',
  http: 'HTTP request',
  simulator: 'simulator',
};

export function transportName(via: Via): string {
  return TRANSPORTS[via];
}

/**
 * Writes `event` to `sink` and never throws. An event larger than the peer takes is not sent: the
 * peer gets a short `error` in its place (so the loss is visible there too) and the fault is
 * reported, as is a write that throws.
 */
/** How an API shapes the `error` of an `error` event (Realtime's is the default). */
export type ErrorShape = (error: OpenAIError) => Record<string, unknown>;

const realtimeErrorShape: ErrorShape = (error) => ({ ...error.toBody(), event_id: null });

export function deliver(
  sink: EventSink,
  event: ServerEvent,
  report: FaultReport,
  errorShape: ErrorShape = realtimeErrorShape,
): void {
  const text = JSON.stringify(event);
  const bytes = Buffer.byteLength(text);
  if (bytes <= sink.maxOutgoingBytes) return write(sink, text, report);
  const maxBytes = sink.maxOutgoingBytes;
  report({ kind: 'too_large', type: event.type, eventId: event.event_id, bytes, maxBytes });
  const notice = new OpenAIError(
    500,
    'server_error',
    'server_event_too_large',
    `A ${event.type} event of ${bytes} bytes was not sent: this connection takes at most ${maxBytes} bytes per event.`,
  );
  const error = errorShape(notice);
  write(sink, JSON.stringify({ event_id: ids.event(), type: 'error', error }), report);
}

/** Closes `sink` and never throws. */
export function closeQuietly(
  sink: EventSink,
  code: number,
  reason: string,
  report: FaultReport,
): void {
  try {
    sink.close(code, reason);
  } catch (error) {
    report({ kind: 'close_failed', error: messageOf(error) });
  }
}

/**
 * Refuses (with `event_too_large`) a client event whose answer `event` would not fit every
 * connection of the call. Handlers call it before they change anything: bad input changes nothing.
 */
export function assertDeliverable(
  sinks: Iterable<EventSink>,
  event: ServerEvent,
  param: string,
): void {
  const { bytes, maxBytes } = measure(sinks, event);
  if (bytes > maxBytes) throw OpenAIError.answerTooLarge(event.type, bytes, maxBytes, param);
}

/** Whether `event` fits every one of the call's connections. */
export function fitsEverySink(sinks: Iterable<EventSink>, event: ServerEvent): boolean {
  const { bytes, maxBytes } = measure(sinks, event);
  return bytes <= maxBytes;
}

/** The event's size as sent (with its `event_id`), and the smallest limit among `sinks`. */
function measure(sinks: Iterable<EventSink>, event: ServerEvent) {
  const maxBytes = Math.min(...[...sinks].map((sink) => sink.maxOutgoingBytes));
  const bytes = Buffer.byteLength(JSON.stringify({ event_id: ids.event(), ...event }));
  return { bytes, maxBytes };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function write(sink: EventSink, text: string, report: FaultReport): void {
  try {
    sink.write(text);
  } catch (error) {
    report({ kind: 'write_failed', error: messageOf(error) });
  }
}
