import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import type { ResponseStart, SessionState } from '../session.record.js';
import { SESSION_STATES } from './session.view.js';

class SessionLimitsView {
  @ApiProperty({ example: 1800 })
  maxDurationSeconds!: number;

  @ApiProperty({ example: 60 })
  warningSeconds!: number;

  @ApiPropertyOptional({ description: 'Silence that ends the session; 0 or absent: none' })
  idleSeconds?: number;

  @ApiProperty()
  maxPerUser!: number;

  @ApiProperty()
  maxPerTenant!: number;

  @ApiProperty()
  maxTotal!: number;
}

/** A session as stored, for operators. */
export class AdminSessionView {
  @ApiProperty({ example: 'ses_4Jx8qK2mW9sT1vB6nR3pLd' })
  id!: string;

  @ApiProperty({ example: 'alice' })
  userId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'acme' })
  tenantId!: string | null;

  @ApiProperty({ type: [String], description: "The user's roles when the session opened" })
  roles!: string[];

  @ApiProperty({ example: 'default' })
  agent!: string;

  @ApiProperty({ enum: ['realtime', 'live'] })
  api!: 'realtime' | 'live';

  @ApiProperty({ enum: ['proxy', 'ephemeral'] })
  mode!: 'proxy' | 'ephemeral';

  @ApiProperty({ enum: ['vad', 'server'], description: "Who starts the model's responses" })
  responseStart!: ResponseStart;

  @ApiProperty({ enum: SESSION_STATES })
  state!: SessionState;

  @ApiProperty({ type: String, nullable: true })
  endReason!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "OpenAI's call id once connected" })
  callId!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The session config Switchboard built and sent to OpenAI, as sent',
  })
  config!: Record<string, unknown>;

  @ApiProperty({ type: SessionLimitsView })
  limits!: SessionLimitsView;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  connectBy!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  connectedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  clientSecretExpiresAt!: string | null;

  @ApiProperty({ description: 'Spent so far, in USD' })
  costUsd!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Usage counters: responses, inputTokens, outputTokens, seconds…',
  })
  usage!: Record<string, number>;

  @ApiProperty({
    type: [Number],
    description: 'End of speech → first response output, recent turns',
  })
  turnLatenciesMs!: number[];

  @ApiProperty({ type: [Number], description: 'Of each of those turns, the ms Switchboard spent' })
  turnOwnMs!: number[];

  @ApiProperty({ description: 'Near the budget: tools marked costly are refused' })
  costlyToolsDisabled!: boolean;
}

export class AdminSessionPageView {
  @ApiProperty({ type: [AdminSessionView] })
  items!: AdminSessionView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export const ADMIN_SESSION_EXAMPLE: AdminSessionView = {
  id: 'ses_4Jx8qK2mW9sT1vB6nR3pLd',
  userId: 'alice',
  tenantId: 'acme',
  roles: ['customer'],
  agent: 'default',
  api: 'realtime',
  mode: 'proxy',
  responseStart: 'vad',
  state: 'active',
  endReason: null,
  callId: 'rtc_0c3f9b2a7d',
  config: {
    type: 'realtime',
    model: 'gpt-realtime',
    instructions: 'You are the customer-service voice assistant of an online shop.',
    audio: { output: { voice: 'marin' } },
    tools: [{ type: 'function', name: 'lookup_order', description: 'Look up an order.' }],
    tool_choice: 'auto',
    max_output_tokens: 1024,
  },
  limits: {
    maxDurationSeconds: 1800,
    warningSeconds: 60,
    idleSeconds: 300,
    maxPerUser: 2,
    maxPerTenant: 100,
    maxTotal: 1000,
  },
  createdAt: '2026-12-04T20:04:26.261Z',
  connectBy: '2026-12-04T20:05:26.261Z',
  expiresAt: '2026-12-04T20:34:26.261Z',
  connectedAt: '2026-12-04T20:04:29.102Z',
  endedAt: null,
  clientSecretExpiresAt: null,
  costUsd: 0.0132,
  usage: { responses: 2, inputTokens: 1840, outputTokens: 212, seconds: 41 },
  turnLatenciesMs: [612, 540],
  turnOwnMs: [18, 11],
  costlyToolsDisabled: false,
};

export const ADMIN_SESSION_PAGE_EXAMPLE: AdminSessionPageView = {
  items: [ADMIN_SESSION_EXAMPLE],
  nextCursor: null,
};
