import type { SessionConfig } from './session-config.js';

/** A tool output ready for the model, once: the model's call id and what to tell it. */
export interface ToolOutputDelivery {
  readonly toolCallId: string;
  readonly output: unknown;
}

/** Something Switchboard tells the caller in a live call, phrased by the model. */
export interface CallerNotice {
  /** Why (logged; grounding hooks in per reason). */
  readonly reason: 'action_outcome' | 'limit_warning';
  /** What the model is told, as a system message in the conversation. */
  readonly text: string;
  /** Exact words the model is to say, when they must not be rephrased. */
  readonly say?: string;
}

/**
 * The port through which governance speaks into a live call, on the replica that holds its control
 * channel: answer the model's tool calls and tell the caller something. The voice API's adapter
 * decides how (for Realtime: tagged conversation items, then one server-started response).
 */
export abstract class VoiceConversation {
  /**
   * Sends one output to the model (the caller has already claimed it, so it goes once); false when
   * the control channel is down (it is then lost: delivery is at most once).
   */
  abstract sendToolOutput(callId: string, output: ToolOutputDelivery): boolean;

  /** Lets the model answer the outputs sent just now (one reply for the batch). */
  abstract answerToolOutputs(callId: string): void;

  /** Tells the caller something through the model. */
  abstract tell(callId: string, notice: CallerNotice): void;

  /** Puts the session's stored config in force again, after Switchboard changed it. */
  abstract applySession(callId: string, session: SessionConfig): void;
}
