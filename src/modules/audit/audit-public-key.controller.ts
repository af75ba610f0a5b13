import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { Public } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { AuditSigner } from './audit-signer.js';

@ApiTags('audit')
@Controller('v1/audit')
export class AuditPublicKeyController {
  constructor(private readonly signer: AuditSigner) {}

  /** Public on purpose: anyone holding a bundle can check it against this key. */
  @Get('public-key')
  @Public()
  @Header('content-type', 'application/x-pem-file')
  @ApiOperation({ summary: 'The Ed25519 public key (PEM) that signs audit export checkpoints' })
  @ApiProduces('application/x-pem-file')
  @ApiOkResponse({
    description: 'PEM; the key id is in the x-key-id header',
    headers: { 'x-key-id': { schema: { type: 'string' }, description: 'The key id bundles name' } },
    content: {
      'application/x-pem-file': {
        schema: { type: 'string' },
        example:
          '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEALvDB4tGSzngaXu9dHDcOJyhe4U/9YRwkY8kEBBO0DcQ=\n' +
          '-----END PUBLIC KEY-----\n',
      },
    },
  })
  @ApiProblemResponses()
  publicKey(@Res({ passthrough: true }) res: Response): string {
    res.setHeader('x-key-id', this.signer.keyId);
    return this.signer.publicKeyPem;
  }
}
