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
import { randomUUID } from 'node:crypto';
import { Catch, Logger } from '@nestjs/common';
import { toDomainError } from './http-error-mapping.js';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem-details.js';
export class ProblemDetailsFilter {
    catch(exception, host) {
        const http = host.switchToHttp();
        const request = http.getRequest();
        const response = http.getResponse();
        const correlationId = typeof request.id === 'string' ? request.id : randomUUID();
        const problem = this.toProblem(exception, request, correlationId);
        if (response.headersSent) return;
        const retryAfter = toDomainError(exception)?.retryAfterSeconds;
        if (retryAfter !== undefined) response.setHeader('Retry-After', String(Math.ceil(retryAfter)));
        response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
    }
    toProblem(exception, request, correlationId) {
        const instance = request.originalUrl?.split('?')[0] ?? request.url;
        const error = toDomainError(exception);
        if (!error) {
            this.logger.error({
                err: exception,
                correlationId
            }, 'Unhandled error');
            return {
                type: problemType('INTERNAL_ERROR'),
                title: 'Internal server error',
                status: 500,
                detail: `Something went wrong on our side. Quote correlation id ${correlationId} when reporting it.`,
                code: 'INTERNAL_ERROR',
                instance,
                correlationId
            };
        }
        return {
            ...error.extensions,
            type: problemType(error.code),
            title: error.title,
            status: error.status,
            detail: error.message,
            code: error.code,
            instance,
            ...error.errors ? {
                errors: error.errors
            } : {}
        };
    }
    constructor(){
        this.logger = new Logger(ProblemDetailsFilter.name);
    }
}
ProblemDetailsFilter = _ts_decorate([
    Catch()
], ProblemDetailsFilter);

//# sourceMappingURL=problem-details.filter.js.map