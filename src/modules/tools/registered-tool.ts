import type { Type } from '@nestjs/common';

import type {
  ApprovalPredicate,
  Reversibility,
  ToolHandler,
  ToolOptions,
  ToolRateLimit,
} from './tool-options.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_APPROVAL_EXPIRY_SECONDS = 15 * 60;

/** An approval policy with every default filled in. */
export interface ApprovalRule {
  readonly when: boolean | ApprovalPredicate<object>;
  readonly approverRoles: readonly string[];
  readonly approvers: number;
  readonly expiresInSeconds: number;
  readonly onTimeout: 'reject' | 'escalate';
  readonly escalateTo: readonly string[];
}

/** A tool as the registry holds it: options with defaults, the handler, the generated schema. */
export interface RegisteredTool {
  readonly name: string;
  readonly description: string;
  readonly input: Type<object>;
  readonly handler: ToolHandler;
  /** The provider class, for messages. */
  readonly providerName: string;
  /** JSON Schema of the input, self-contained; sent to the model as `parameters`. */
  readonly parameters: Record<string, unknown>;
  readonly declaredRoles: readonly string[];
  readonly approval: ApprovalRule | null;
  readonly timeoutMs: number;
  readonly rateLimit: ToolRateLimit;
  readonly reversibility: Reversibility;
  readonly redact: readonly string[];
  readonly costly: boolean;
  readonly idempotent: boolean;
  readonly rollbackApproval: boolean;
}

export function normalizeApproval(approval: ToolOptions['approval']): ApprovalRule | null {
  if (approval === undefined || approval === false) return null;
  const policy =
    approval === true || typeof approval === 'function' ? { when: approval } : approval;
  return {
    when: policy.when ?? true,
    approverRoles: policy.approverRoles ?? ['approver'],
    approvers: policy.approvers ?? 1,
    expiresInSeconds: policy.expiresInSeconds ?? DEFAULT_APPROVAL_EXPIRY_SECONDS,
    onTimeout: policy.onTimeout ?? 'reject',
    escalateTo: policy.escalateTo ?? [],
  };
}

/** Whether this particular call must wait for a human. */
export function needsApproval(
  tool: RegisteredTool,
  input: object,
  principal: Parameters<ApprovalPredicate<object>>[1],
): boolean {
  const when = tool.approval?.when ?? false;
  return typeof when === 'function' ? when(input, principal, tool.handler) : when;
}

/** What the model is told about a tool. */
export function toolDefinition(tool: RegisteredTool) {
  return {
    type: 'function' as const,
    name: tool.name,
    description: tool.description,
    parameters: tool.parameters,
  };
}

export type ToolDefinition = ReturnType<typeof toolDefinition>;
