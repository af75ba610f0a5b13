import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';

import { keyIdOf } from '../../audit-bundle/bundle-format.js';
import { AppConfig } from '../../config/app-config.js';

/**
 * The Ed25519 key that signs audit export checkpoints, from SWITCHBOARD_AUDIT_SIGNING_KEY. Without
 * it a key is generated for this process (with a warning): its exports verify only against the
 * public key published while it runs.
 */
@Injectable()
export class AuditSigner {
  private readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
  readonly keyId: string;

  constructor(config: AppConfig) {
    const pem = config.audit.signingKeyPem;
    if (pem) {
      this.privateKey = createPrivateKey(pem);
      if (this.privateKey.asymmetricKeyType !== 'ed25519')
        throw new Error('SWITCHBOARD_AUDIT_SIGNING_KEY must be an Ed25519 key');
    } else {
      this.privateKey = generateKeyPairSync('ed25519').privateKey;
      new Logger(AuditSigner.name).warn(
        'SWITCHBOARD_AUDIT_SIGNING_KEY is not set: audit exports are signed with a key generated for this process.',
      );
    }
    const publicKey = createPublicKey(this.privateKey);
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.keyId = keyIdOf(publicKey.export({ type: 'spki', format: 'der' }));
  }

  /** base64 Ed25519 signature. */
  sign(bytes: Buffer): string {
    return sign(null, bytes, this.privateKey).toString('base64');
  }
}
