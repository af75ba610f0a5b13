import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import { ACCESS_RULE } from '../../common/auth/auth.decorator.js';
import { ForbiddenError, UnauthenticatedError } from '../../common/auth/auth.errors.js';
import type { Principal } from '../../common/auth/principal.js';
import { API_KEY_PREFIX } from './api-key-secret.js';
import { ApiKeysService } from './api-keys.service.js';
import { JwtVerifier } from './jwt-verifier.js';

/**
 * The one global guard. A route without an access rule is closed (deny by default); otherwise the
 * bearer credential is resolved to a principal (`sk_sb_…` = operator API key, anything else = user
 * JWT), then its kind and roles are checked against the rule. Missing/invalid → 401, wrong kind
 * or role → 403.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtVerifier,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new ForbiddenError('This route declares no access rule, so it is closed.');
    if (rule.public) return true;
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const principal = await this.authenticate(request.headers.authorization);
    if (!rule.principals.includes(principal.kind)) {
      throw new ForbiddenError(
        principal.kind === 'user'
          ? 'This route is for operators; use an API key.'
          : 'This route is for app users; use a user token.',
      );
    }
    const required = rule.roles ?? [];
    const allowed =
      required.length === 0 ||
      required.some((role) => principal.roles.includes(role)) ||
      (principal.kind === 'api-key' && principal.roles.includes('admin'));
    if (!allowed) throw new ForbiddenError(`This needs one of the roles: ${required.join(', ')}.`);
    request.principal = principal;
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Principal> {
    const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    if (!token) {
      throw new UnauthenticatedError(
        'Send credentials as "Authorization: Bearer <token or API key>".',
      );
    }
    return token.startsWith(API_KEY_PREFIX)
      ? this.apiKeys.authenticate(token)
      : this.jwt.verify(token);
  }
}
