import { ApiProperty } from '@nestjs/swagger';

/** An operator API key, never the key itself. */
export class ApiKeyView {
  @ApiProperty({ example: 'key_dasOfMCWXXEN5lOfuMeICI' })
  id!: string;

  @ApiProperty({ example: 'Ops approvers' })
  name!: string;

  @ApiProperty({ description: 'The first characters, to tell keys apart', example: 'sk_sb_yq8vl3' })
  prefix!: string;

  @ApiProperty({ type: [String], example: ['approver'] })
  roles!: string[];

  @ApiProperty({ example: 'api-key:key_HGpY3CgMmh2SOWhJY72i3Y' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;
}

/** A key just created: the only response that carries it. */
export class CreatedApiKeyView extends ApiKeyView {
  @ApiProperty({ description: 'Shown once; only its SHA-256 is stored' })
  key!: string;
}

export const API_KEY_EXAMPLE: ApiKeyView = {
  id: 'key_dasOfMCWXXEN5lOfuMeICI',
  name: 'Ops approvers',
  prefix: 'sk_sb_yq8vl3',
  roles: ['approver'],
  createdBy: 'api-key:key_HGpY3CgMmh2SOWhJY72i3Y',
  createdAt: '2026-12-04T20:04:26.562Z',
  lastUsedAt: null,
  revokedAt: null,
};

export const CREATED_API_KEY_EXAMPLE: CreatedApiKeyView = {
  ...API_KEY_EXAMPLE,
  key: 'sk_sb_yq8vl3mtlZPIv7JnaLAYXOZ4xjnEHSlaD2O2QESAlBw',
};
