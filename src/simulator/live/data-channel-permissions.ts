import type { ServerEvent } from '../call/call-types.js';

/**
 * `client.data_channel` of a Live session: what the untrusted browser may send and receive on its
 * data channel. Omitted means allow-all, as documented ("Omission preserves the existing allow-all
 * behavior"); an empty array allows none. The sideband and a primary WebSocket are never filtered.
 */
interface DataChannelConfig {
  readonly allowed_client_events?: 'all' | readonly string[];
  readonly allowed_server_events?:
    'all' | readonly { readonly type: string; readonly response_event?: string }[];
}

function dataChannelOf(session: Record<string, unknown>): DataChannelConfig {
  const client = session.client as { data_channel?: DataChannelConfig } | undefined;
  return client?.data_channel ?? {};
}

export function clientEventAllowed(session: Record<string, unknown>, type: string): boolean {
  const allowed = dataChannelOf(session).allowed_client_events;
  return allowed === undefined || allowed === 'all' || allowed.includes(type);
}

/**
 * A `response.event` is selected by its nested Responses event type (`response_event`), so a
 * page can see, say, `response.output_text.delta` without the function calls.
 */
export function serverEventAllowed(session: Record<string, unknown>, event: ServerEvent): boolean {
  const allowed = dataChannelOf(session).allowed_server_events;
  if (allowed === undefined || allowed === 'all') return true;
  const nested = (event.event as { type?: unknown } | undefined)?.type;
  return allowed.some(
    (selector) =>
      selector.type === event.type &&
      (event.type !== 'response.event' || selector.response_event === nested),
  );
}
