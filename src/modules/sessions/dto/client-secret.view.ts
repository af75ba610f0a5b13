import { ApiProperty } from '@nestjs/swagger';

/** The one short-lived client secret of an ephemeral session. */
export class ClientSecretView {
  @ApiProperty({ description: 'The ephemeral key the page connects to OpenAI with' })
  value!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ description: 'Where the page creates its call with the secret' })
  callsUrl!: string;
}

export const CLIENT_SECRET_EXAMPLE: ClientSecretView = {
  value: 'ek_71479cd7cd6bb9343d6a9458d282bb73',
  expiresAt: '2026-12-04T20:04:56.000Z',
  callsUrl: 'https://api.openai.com/v1/realtime/calls',
};
