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
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
export const REQUEST_ID_HEADER = 'x-request-id';
/** A caller-supplied id is kept only if it is short and plain, so it cannot inject into logs. */ const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Headers that carry credentials; pino replaces their values before a line is written. */ const REDACTED_PATHS = [
    'req.headers.authorization',
    'req.headers.cookie',
    'req.headers["x-api-key"]',
    'req.headers["openai-api-key"]',
    'res.headers["set-cookie"]'
];
export class LoggingModule {
    static forRoot(config, destination) {
        const options = {
            level: config.log.level,
            genReqId: (req, res)=>{
                const incoming = req.headers[REQUEST_ID_HEADER];
                const id = typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
                res.setHeader(REQUEST_ID_HEADER, id);
                return id;
            },
            customAttributeKeys: {
                reqId: 'requestId'
            },
            quietReqLogger: true,
            redact: {
                paths: REDACTED_PATHS,
                censor: '[redacted]'
            },
            autoLogging: {
                ignore: (req)=>req.url === '/health'
            }
        };
        return {
            module: LoggingModule,
            imports: [
                LoggerModule.forRoot({
                    pinoHttp: destination ? [
                        options,
                        destination
                    ] : options
                })
            ],
            exports: [
                LoggerModule
            ]
        };
    }
}
LoggingModule = _ts_decorate([
    Module({})
], LoggingModule);

//# sourceMappingURL=logging.module.js.map