function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_RULE } from '../../common/auth/auth.decorator.js';
import { ForbiddenError, UnauthenticatedError } from '../../common/auth/auth.errors.js';
import { API_KEY_PREFIX } from './api-key-secret.js';
import { ApiKeysService } from './api-keys.service.js';
import { JwtVerifier } from './jwt-verifier.js';
export class AccessGuard {
    constructor(reflector, jwt, apiKeys){
        this.reflector = reflector;
        this.jwt = jwt;
        this.apiKeys = apiKeys;
    }
    async canActivate(context) {
        const rule = this.reflector.getAllAndOverride(ACCESS_RULE, [
            context.getHandler(),
            context.getClass()
        ]);
        if (!rule) throw new ForbiddenError('This route declares no access rule, so it is closed.');
        if (rule.public) return true;
        const request = context.switchToHttp().getRequest();
        const principal = await this.authenticate(request.headers.authorization);
        if (!rule.principals.includes(principal.kind)) {
            throw new ForbiddenError(principal.kind === 'user' ? 'This route is for operators; use an API key.' : 'This route is for app users; use a user token.');
        }
        const required = rule.roles ?? [];
        const allowed = required.length === 0 || required.some((role)=>principal.roles.includes(role)) || principal.kind === 'api-key' && principal.roles.includes('admin');
        if (!allowed) throw new ForbiddenError(`This needs one of the roles: ${required.join(', ')}.`);
        request.principal = principal;
        return true;
    }
    async authenticate(header) {
        const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
        if (!token) {
            throw new UnauthenticatedError('Send credentials as "Authorization: Bearer <token or API key>".');
        }
        return token.startsWith(API_KEY_PREFIX) ? this.apiKeys.authenticate(token) : this.jwt.verify(token);
    }
}
AccessGuard = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Reflector === "undefined" ? Object : Reflector,
        typeof JwtVerifier === "undefined" ? Object : JwtVerifier,
        typeof ApiKeysService === "undefined" ? Object : ApiKeysService
    ])
], AccessGuard);

//# sourceMappingURL=access.guard.js.map