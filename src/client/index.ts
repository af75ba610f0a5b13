/**
 * Switchboard's browser client: governed voice calls in a few lines.
 *
 *   import { connectVoice } from '/client/switchboard.js';
 *   const call = await connectVoice({ getToken: () => myAppToken() });
 *   call.on('transcript', (line) => show(line));
 *   call.on('ended', ({ reason }) => showWhy(reason));
 */
export { connectVoice, VoiceCall, type ConnectVoiceOptions } from './voice-call.js';
export { SwitchboardError } from './errors.js';
export type {
  ApprovalEvent,
  CallEvents,
  CallState,
  EndedEvent,
  KnowledgeDocument,
  KnowledgeEvent,
  ToolEvent,
} from './call-events.js';
export type { TranscriptEvent } from './transcripts.js';
export type { SessionView } from './switchboard-api.js';
