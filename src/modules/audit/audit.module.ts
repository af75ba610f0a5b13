import { Module } from '@nestjs/common';

import { AuditController } from './audit.controller.js';
import { AuditLog } from './audit-log.service.js';

/** The append-only, hash-chained audit log every other module writes to. */
@Module({
  controllers: [AuditController],
  exports: [AuditLog],
  providers: [AuditLog],
})
export class AuditModule {}
