import type { ToolCallResultView } from './tool-call-result.view.js';

export const TOOL_CALL_RESULT_EXAMPLE: ToolCallResultView = {
  callId: 'call_8f2c',
  actionId: 'tc_3q9zR8mK2pW7xL4vN1bT6c',
  status: 'succeeded',
  output: { ok: true, result: { orderNumber: '10042', status: 'shipped' } },
  replayed: false,
};
