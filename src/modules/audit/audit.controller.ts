import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { OperatorAuth } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import type { AuditEntry, AuditVerification } from './audit-entry.js';
import { AuditLog } from './audit-log.service.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';

@ApiTags('admin: audit')
@OperatorAuth('auditor')
@Controller('v1/admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @ApiOperation({ summary: 'Audit entries, oldest first, filtered and paginated by cursor' })
  @ApiOkResponse()
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

  @Get('verify')
  @ApiOperation({ summary: 'Recompute the hash chain; report the first broken entry, if any' })
  @ApiOkResponse()
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }
}
