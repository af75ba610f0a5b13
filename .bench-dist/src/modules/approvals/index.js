/** The public face of the approvals module: what other modules may import. */ export * from './action-rollback.js';
export * from './approval-gate.js';
export * from './approval-queue.js';
export * from './approvals.errors.js';
export * from './approvals.module.js';
export { ExecutedActions } from './executed-actions.js';
export * from './approver-auth.decorator.js';
export * from './dto/decide-action.dto.js';
export * from './pending-action.record.js';

//# sourceMappingURL=index.js.map