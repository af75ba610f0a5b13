import type { Principal } from '../../common/auth/principal.js';
import type { RegisteredTool } from '../tools/index.js';
import type { SessionRecord } from '../sessions/index.js';

export interface ApprovalSubmission {
  readonly tool: RegisteredTool;
  readonly input: object;
  /** The validated arguments as plain JSON (what the approver's digest covers). */
  readonly arguments: Record<string, unknown>;
  readonly principal: Principal;
  readonly session: SessionRecord;
  readonly toolCallId: string;
}

/** A pending action the approvals queue accepted, and what the model may say meanwhile. */
export interface ApprovalReceipt {
  readonly actionId: string;
  readonly message: string;
}

/**
 * Where the pipeline hands calls that need a human. The approvals module provides it; without it,
 * such calls are refused (`APPROVAL_UNAVAILABLE`), never executed.
 */
export abstract class ApprovalGate {
  abstract submit(submission: ApprovalSubmission): Promise<ApprovalReceipt>;
}
