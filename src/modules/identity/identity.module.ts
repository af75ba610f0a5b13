import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';

import { AuditModule } from '../audit/index.js';
import { AccessGuard } from './access.guard.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { ApiKeysService } from './api-keys.service.js';
import { JwtVerifier } from './jwt-verifier.js';

/** Who is calling: app users by JWT, operators by API key; the global access guard. */
@Module({
  controllers: [ApiKeysController],
  exports: [ApiKeysService, JwtVerifier],
  imports: [AuditModule],
  providers: [
    ApiKeysRepository,
    ApiKeysService,
    JwtVerifier,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class IdentityModule implements OnModuleInit {
  constructor(private readonly jwt: JwtVerifier) {}

  onModuleInit(): void {
    if (!this.jwt.configured) {
      new Logger(IdentityModule.name).warn(
        'Neither SWITCHBOARD_JWT_SECRET nor SWITCHBOARD_JWT_JWKS_URL is set: app users cannot sign in.',
      );
    }
  }
}
