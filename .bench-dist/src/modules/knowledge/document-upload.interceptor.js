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
import multer from 'multer';
import { from, switchMap } from 'rxjs';
import { AppConfig } from '../../config/app-config.js';
import { DomainError } from '../../common/errors/domain.error.js';
import { UploadInvalidError } from './knowledge.errors.js';
/** Form fields besides the file: title and the three validity dates. */ const MAX_FIELDS = 10;
export class DocumentUploadInterceptor {
    constructor(config){
        this.config = config;
        this.parse = multer({
            storage: multer.memoryStorage(),
            limits: {
                fileSize: config.knowledge.maxUploadBytes,
                files: 1,
                fields: MAX_FIELDS,
                fieldSize: 64 * 1024
            }
        }).single('file');
    }
    intercept(context, next) {
        const http = context.switchToHttp();
        const request = http.getRequest();
        if (!request.is('multipart/form-data')) return next.handle();
        const parsed = new Promise((resolve, reject)=>this.parse(request, http.getResponse(), (error)=>error ? reject(this.refusal(error)) : resolve()));
        return from(parsed).pipe(switchMap(()=>next.handle()));
    }
    /** The extractor's own refusal, for a file multer stopped reading at the limit. */ tooLarge() {
        const limit = this.config.knowledge.maxUploadBytes;
        return new DomainError({
            code: 'DOCUMENT_TOO_LARGE',
            status: 413,
            title: 'Document too large',
            detail: `The file is larger than the limit of ${limit} bytes (SWITCHBOARD_KNOWLEDGE_MAX_UPLOAD_BYTES). Split it into smaller files and upload them separately.`,
            extensions: {
                limit
            }
        });
    }
    refusal(error) {
        const code = error.code;
        if (code === 'LIMIT_FILE_SIZE') return this.tooLarge();
        if (code === 'LIMIT_UNEXPECTED_FILE') return new UploadInvalidError('Send exactly one file, in the form field "file".');
        if (code?.startsWith('LIMIT_')) return new UploadInvalidError(`The form has too many or too large fields (at most ${MAX_FIELDS} besides "file").`);
        return new UploadInvalidError('The multipart form could not be read; send it again with a proper boundary.');
    }
}
DocumentUploadInterceptor = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof AppConfig === "undefined" ? Object : AppConfig
    ])
], DocumentUploadInterceptor);

//# sourceMappingURL=document-upload.interceptor.js.map