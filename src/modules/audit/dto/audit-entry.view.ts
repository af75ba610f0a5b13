import { ApiProperty } from '@nestjs/swagger';

/** One entry of the hash-chained audit log. */
export class AuditEntryView {
  @ApiProperty({ description: 'Position in the chain; commit order', example: 3 })
  seq!: number;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ description: '`user:<id>`, `api-key:<id>` or `system`', example: 'user:alice' })
  actor!: string;

  @ApiProperty({ description: '`resource.verb`', example: 'session.opened' })
  action!: string;

  @ApiProperty({
    description: 'The id of what it happened to',
    example: 'ses_4Jx8qK2mW9sT1vB6nR3pLd',
  })
  subject!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Details, redacted' })
  data!: Record<string, unknown>;

  @ApiProperty({ description: 'SHA-256 (hex) of the previous entry' })
  prevHash!: string;

  @ApiProperty({ description: 'SHA-256 (hex) of this entry and prevHash' })
  hash!: string;
}

export class AuditPageView {
  @ApiProperty({ type: [AuditEntryView] })
  items!: AuditEntryView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export const AUDIT_ENTRY_EXAMPLE: AuditEntryView = {
  seq: 3,
  at: '2026-12-04T20:04:26.275Z',
  actor: 'user:alice',
  action: 'session.opened',
  subject: 'ses_4Jx8qK2mW9sT1vB6nR3pLd',
  data: { agent: 'default', api: 'realtime', mode: 'proxy', tenantId: 'acme' },
  prevHash: '66bda5566d5757ed29c7aa079f330ae3827b93c750c88604e5ce788c3457167d',
  hash: 'd62c612c90c963fa1767e1a724e6adbf059b230878993fe3c9e7fc5a7febc877',
};

export const AUDIT_PAGE_EXAMPLE: AuditPageView = { items: [AUDIT_ENTRY_EXAMPLE], nextCursor: '3' };

/** A bundle of one entry: its header, the entry, and the signed checkpoint that ends it. */
export const AUDIT_EXPORT_EXAMPLE = [
  {
    type: 'header',
    version: 1,
    keyId: 'ed47f171ba8d772b',
    from: null,
    to: null,
    firstSeq: 3,
    prevHash: AUDIT_ENTRY_EXAMPLE.prevHash,
    exportedAt: '2026-12-04T20:04:26.547Z',
  },
  { type: 'entry', ...AUDIT_ENTRY_EXAMPLE },
  {
    type: 'checkpoint',
    seq: 3,
    hash: AUDIT_ENTRY_EXAMPLE.hash,
    count: 1,
    final: true,
    headerDigest: 'f9b4d330787a10c805e1122f97e63a293096bc74bad9580889e28e03ae17102d',
    keyId: 'ed47f171ba8d772b',
    signature:
      'Q8ucZ6h2HBK4fz8ez7N/CTscEF9//k2iYrWpYs0hPywaqsDOsATSqVM5JAtN+ngZqG1ycJ17KizBjauHm2vbCA==',
  },
]
  .map((line) => `${JSON.stringify(line)}\n`)
  .join('');
