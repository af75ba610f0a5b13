import type { AdminToolView } from './admin-tool.view.js';
import type { ToolView } from './tool.view.js';

export const TOOL_EXAMPLE: ToolView = {
  name: 'lookup_order',
  description: "Look up the status, items and refunds of one of the caller's orders by its number.",
  parameters: {
    type: 'object',
    properties: {
      orderNumber: {
        type: 'string',
        pattern: '^[0-9]{4,10}$',
        description: 'The order number the caller reads out, e.g. 10042',
      },
    },
    required: ['orderNumber'],
    additionalProperties: false,
  },
};

export const ADMIN_TOOL_EXAMPLE: AdminToolView = {
  ...TOOL_EXAMPLE,
  name: 'issue_refund',
  description: 'Refund an order, fully or partly, for a reason the caller gives.',
  roles: ['agent'],
  approval: {
    required: 'conditional',
    approverRoles: ['approver'],
    approvers: 1,
    expiresInSeconds: 900,
    onTimeout: 'reject',
    escalateTo: [],
  },
  timeoutMs: 10000,
  rateLimit: { perUser: { limit: 10, windowSeconds: 3600 } },
  reversibility: 'compensable',
  redact: [],
  costly: false,
  idempotent: true,
};
