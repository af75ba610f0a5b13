import { Module } from '@nestjs/common';

import { AuditExport } from './audit-export.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { AuditLog } from './audit-log.service.js';
import { AuditPublicKeyController } from './audit-public-key.controller.js';
import { AuditSigner } from './audit-signer.js';
import { AuditController } from './audit.controller.js';

/** The append-only, hash-chained audit log every other module writes to, and its signed export. */
@Module({
  controllers: [AuditController, AuditPublicKeyController],
  exports: [AuditLog],
  providers: [AuditExport, AuditLog, AuditLogRepository, AuditSigner],
})
export class AuditModule {}
