import { ApiProperty, type SchemaObject } from '@nestjs/swagger';

import type { SessionState } from '../session.record.js';

export const SESSION_STATES = [
  'created',
  'connecting',
  'active',
  'ended',
  'revoked',
] as const satisfies readonly SessionState[];

class TypedTextView {
  @ApiProperty({
    description:
      'Whether the page may add a typed user turn (`conversation.item.create` on the data ' +
      'channel); GPT-Live sessions take speech only',
  })
  supported!: boolean;

  @ApiProperty({
    description:
      'Whether the page then starts the answer itself (`response.create`); false where ' +
      'Switchboard starts every response (`responseStart: server`)',
  })
  pageStartsResponse!: boolean;
}

const PROXY_CONNECT: SchemaObject = {
  type: 'object',
  title: 'proxy',
  required: ['sdpUrl'],
  properties: { sdpUrl: { type: 'string', description: 'POST the SDP offer here' } },
};

const EPHEMERAL_CONNECT: SchemaObject = {
  type: 'object',
  title: 'ephemeral',
  required: ['clientSecretUrl', 'callUrl'],
  properties: {
    clientSecretUrl: { type: 'string', description: 'Mint the client secret here' },
    callUrl: { type: 'string', description: 'Then bind the call the page created here' },
  },
};

/** What an app user sees of their session (`publicView`). */
export class SessionView {
  @ApiProperty({ example: 'ses_4Jx8qK2mW9sT1vB6nR3pLd' })
  id!: string;

  @ApiProperty({ description: 'The agent profile', example: 'default' })
  agent!: string;

  @ApiProperty({ enum: ['realtime', 'live'], description: 'The voice API the profile runs on' })
  api!: 'realtime' | 'live';

  @ApiProperty({ enum: ['proxy', 'ephemeral'] })
  mode!: 'proxy' | 'ephemeral';

  @ApiProperty({ enum: SESSION_STATES })
  state!: SessionState;

  @ApiProperty({ type: String, nullable: true, example: null })
  endReason!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When the session ends at the latest' })
  expiresAt!: string;

  @ApiProperty({ format: 'date-time', description: 'Connect before this, or the session ends' })
  connectBy!: string;

  @ApiProperty({ type: TypedTextView })
  typedText!: TypedTextView;

  @ApiProperty({
    description: 'How to connect, by mode',
    oneOf: [PROXY_CONNECT, EPHEMERAL_CONNECT],
  })
  connect!: { sdpUrl: string } | { clientSecretUrl: string; callUrl: string };
}

export const SESSION_EXAMPLE: SessionView = {
  id: 'ses_4Jx8qK2mW9sT1vB6nR3pLd',
  agent: 'default',
  api: 'realtime',
  mode: 'proxy',
  state: 'created',
  endReason: null,
  createdAt: '2026-12-04T20:04:26.261Z',
  expiresAt: '2026-12-04T20:34:26.261Z',
  connectBy: '2026-12-04T20:05:26.261Z',
  typedText: { supported: true, pageStartsResponse: true },
  connect: { sdpUrl: '/v1/sessions/ses_4Jx8qK2mW9sT1vB6nR3pLd/sdp' },
};

export const EPHEMERAL_SESSION_EXAMPLE: SessionView = {
  ...SESSION_EXAMPLE,
  mode: 'ephemeral',
  connect: {
    clientSecretUrl: '/v1/sessions/ses_4Jx8qK2mW9sT1vB6nR3pLd/client-secret',
    callUrl: '/v1/sessions/ses_4Jx8qK2mW9sT1vB6nR3pLd/call',
  },
};
