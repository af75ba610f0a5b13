import { Readable } from 'node:stream';

import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';

import { TimeRangeQueryDto } from '../../common/http/time-range-query.dto.js';

import { OperatorAuth } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import type { AuditEntry, AuditVerification } from './audit-entry.js';
import { AuditExport } from './audit-export.js';
import { AuditLog } from './audit-log.service.js';
import { AUDIT_EXPORT_EXAMPLE, AUDIT_PAGE_EXAMPLE, AuditPageView } from './dto/audit-entry.view.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';
import {
  AUDIT_VERIFICATION_EXAMPLE,
  AuditVerificationView,
} from './dto/audit-verification.view.js';

@ApiTags('admin: audit')
@OperatorAuth('auditor')
@Controller('v1/admin/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditLog,
    private readonly exporter: AuditExport,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Audit entries, oldest first, filtered and paginated by cursor' })
  @ApiOkResponse({ type: AuditPageView, example: AUDIT_PAGE_EXAMPLE })
  @ApiProblemResponses(400)
  list(@Query() query: AuditQueryDto): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
    return this.audit.list({
      actor: query.actor,
      action: query.action,
      subject: query.subject,
      from: query.from,
      to: query.to,
      after: query.cursor === undefined ? undefined : Number(query.cursor),
      limit: query.limit,
    });
  }

  @Get('export')
  @ApiOperation({
    summary:
      'A signed JSONL bundle of the chain between from and to; verify offline with npm run audit:verify',
  })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    description:
      'An attachment: a header line, one line per entry, and signed checkpoints (the last has ' +
      '`final: true`), each a JSON object',
    content: {
      'application/x-ndjson': { schema: { type: 'string' }, example: AUDIT_EXPORT_EXAMPLE },
    },
  })
  @ApiProblemResponses(400)
  export(@Query() query: TimeRangeQueryDto): StreamableFile {
    const lines = this.exporter.lines(query.from, query.to);
    const stream = Readable.from(
      (async function* () {
        for await (const line of lines) yield `${line}\n`;
      })(),
    );
    return new StreamableFile(stream, {
      type: 'application/x-ndjson',
      disposition: `attachment; filename="switchboard-audit-${new Date().toISOString().slice(0, 10)}.jsonl"`,
    });
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recompute the hash chain; report the first broken entry, if any' })
  @ApiOkResponse({ type: AuditVerificationView, example: AUDIT_VERIFICATION_EXAMPLE })
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }
}
