/** A function tool as sent to the model. */
export interface ToolDefinition {
  readonly type: 'function';
  readonly name: string;
  readonly description: string;
  readonly parameters: Record<string, unknown>;
}

/**
 * What an agent is: the model settings the server sends, which tools each role may use, and
 * limits that tighten the global ones. Until the tool registry lands, tools are listed here.
 */
export interface AgentProfile {
  readonly name: string;
  readonly model: string;
  readonly voice: string;
  readonly instructions: string;
  readonly turnDetection: Record<string, unknown> | null;
  /** Tools by app-user role; a user gets the union over their roles. */
  readonly toolsByRole: Readonly<Record<string, readonly ToolDefinition[]>>;
  readonly limits?: Partial<{
    maxDurationSeconds: number;
    warningSeconds: number;
    maxPerUser: number;
  }>;
}

const LOOKUP_ORDER: ToolDefinition = {
  type: 'function',
  name: 'lookup_order',
  description: 'Look up the status of one of the caller’s orders.',
  parameters: {
    type: 'object',
    properties: { orderNumber: { type: 'string', pattern: '^[0-9]{4,10}$' } },
    required: ['orderNumber'],
    additionalProperties: false,
  },
};

const ISSUE_REFUND: ToolDefinition = {
  type: 'function',
  name: 'issue_refund',
  description: 'Refund an order, fully or partly.',
  parameters: {
    type: 'object',
    properties: {
      orderNumber: { type: 'string' },
      amount: { type: 'number', exclusiveMinimum: 0 },
    },
    required: ['orderNumber', 'amount'],
    additionalProperties: false,
  },
};

/** Built-in profiles; `default` is used when `POST /v1/sessions` names none. */
export const AGENT_PROFILES: Readonly<Record<string, AgentProfile>> = {
  default: {
    name: 'default',
    model: 'gpt-realtime',
    voice: 'marin',
    instructions:
      'You are the customer-service voice assistant of an online shop. Be brief and friendly. ' +
      'Use tools to look things up; never invent order details.',
    turnDetection: {
      type: 'server_vad',
      silence_duration_ms: 500,
      create_response: true,
      interrupt_response: true,
    },
    toolsByRole: { customer: [LOOKUP_ORDER], agent: [LOOKUP_ORDER, ISSUE_REFUND] },
  },
};
