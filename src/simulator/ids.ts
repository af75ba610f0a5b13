import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function base62(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += BASE62[byte % 62];
  return out;
}

/** Id shapes as seen in OpenAI's examples (a pattern, not a documented format). */
export const ids = {
  ephemeralKey: () => `ek_${randomBytes(16).toString('hex')}`,
  call: () => `rtc_${randomBytes(16).toString('hex')}`,
  liveSession: () => `live_${randomBytes(16).toString('hex')}`,
  delegation: () => `dlg_${base62(20)}`,
  session: () => `sess_${base62(21)}`,
  event: () => `event_${base62(20)}`,
  item: () => `item_${base62(20)}`,
  functionCallItem: () => `fc_${base62(20)}`,
  callId: () => `call_${base62(16)}`,
  message: () => `msg_${base62(20)}`,
  /** A hosted tool call's item (`ws_…` for web_search, …). */
  toolCall: (prefix: string) => `${prefix}_${base62(20)}`,
  response: () => `resp_${base62(20)}`,
  conversation: () => `conv_${base62(20)}`,
  request: () => `req_${randomBytes(16).toString('hex')}`,
  webhookEvent: () => `evt_${randomBytes(16).toString('hex')}`,
  webhookDelivery: () => `wh_${randomBytes(16).toString('hex')}`,
  apiKey: () => `sk-sim-${randomBytes(24).toString('base64url')}`,
};
