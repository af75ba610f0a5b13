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
import { Injectable } from '@nestjs/common';
const DEFERRED = Symbol('deferredBodyError');
/**
 * Express error middleware placed right after the body parsers: a body they refuse (malformed,
 * too large, too deep, too many keys) is remembered instead of answered, so the route's guards run
 * first and a caller who may not use the route learns nothing but 401/403 about it.
 */ export function deferBodyErrors(error, req, _res, next) {
    req[DEFERRED] = error;
    next();
}
export class DeferredBodyErrorInterceptor {
    intercept(context, next) {
        const error = context.switchToHttp().getRequest()[DEFERRED];
        if (error !== undefined) throw error;
        return next.handle();
    }
}
DeferredBodyErrorInterceptor = _ts_decorate([
    Injectable()
], DeferredBodyErrorInterceptor);

//# sourceMappingURL=deferred-body-errors.js.map