/**
 * Where the pipeline hands calls that need a human. The approvals module provides it; without it,
 * such calls are refused (`APPROVAL_UNAVAILABLE`), never executed.
 */ export class ApprovalGate {
}

//# sourceMappingURL=approval-gate.js.map