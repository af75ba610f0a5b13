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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { DocumentUploadInterceptor } from './document-upload.interceptor.js';
import { DocumentUploadDto, RetractDocumentDto, ReviewDocumentDto } from './dto/document.dto.js';
import { ListSourcesDto } from './dto/source.dto.js';
import { KnowledgeEditorAuth } from './knowledge-auth.decorator.js';
import { KnowledgeDocuments } from './knowledge-documents.service.js';
import { uploadedContent } from './uploaded-content.js';
const UPLOAD_BODY = {
    schema: {
        oneOf: [
            {
                $ref: '#/components/schemas/DocumentUploadDto'
            },
            {
                type: 'object',
                required: [
                    'file'
                ],
                properties: {
                    file: {
                        type: 'string',
                        format: 'binary'
                    },
                    title: {
                        type: 'string'
                    },
                    validFrom: {
                        type: 'string',
                        format: 'date-time'
                    },
                    validUntil: {
                        type: 'string',
                        format: 'date-time'
                    },
                    reviewBy: {
                        type: 'string',
                        format: 'date-time'
                    }
                }
            }
        ]
    }
};
const ACCEPTED = {
    schema: {
        example: {
            documentId: 'doc_…',
            version: 1,
            jobId: 'kjb_…'
        }
    }
};
export class KnowledgeDocumentsController {
    constructor(documents){
        this.documents = documents;
    }
    upload(principal, sourceId, body, file) {
        return this.documents.upload(principal, sourceId, uploadedContent(body, file), body);
    }
    list(principal, sourceId, query) {
        return this.documents.list(principal, sourceId, query.cursor, query.limit);
    }
    detail(principal, id) {
        return this.documents.detail(principal, id);
    }
    replace(principal, id, body, file) {
        return this.documents.newVersion(principal, id, uploadedContent(body, file), body);
    }
    retract(principal, id, query) {
        return this.documents.retract(principal, id, query.reason);
    }
    review(principal, id, body) {
        return this.documents.review(principal, id, body.nextReviewBy);
    }
    job(principal, id) {
        return this.documents.job(principal, id);
    }
}
_ts_decorate([
    Post('sources/:id/documents'),
    HttpCode(202),
    UseInterceptors(DocumentUploadInterceptor),
    ApiConsumes('application/json', 'multipart/form-data'),
    ApiBody(UPLOAD_BODY),
    ApiOperation({
        summary: 'Upload a document (Markdown, text, HTML or PDF); ingestion runs as a job'
    }),
    ApiAcceptedResponse(ACCEPTED),
    ApiProblemResponses(400, 404, 413, 415, 422),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Param('id')),
    _ts_param(2, Body()),
    _ts_param(3, UploadedFile()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        String,
        typeof DocumentUploadDto === "undefined" ? Object : DocumentUploadDto,
        typeof Express === "undefined" || typeof Express.Multer === "undefined" || typeof Express.Multer.File === "undefined" ? Object : Express.Multer.File
    ]),
    _ts_metadata("design:returntype", void 0)
], KnowledgeDocumentsController.prototype, "upload", null);
_ts_decorate([
    Get('sources/:id/documents'),
    ApiOperation({
        summary: "A source's documents, oldest first"
    }),
    ApiOkResponse(),
    ApiProblemResponses(400, 404),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Param('id')),
    _ts_param(2, Query()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        String,
        typeof ListSourcesDto === "undefined" ? Object : ListSourcesDto
    ]),
    _ts_metadata("design:returntype", void 0)
], KnowledgeDocumentsController.prototype, "list", null);
_ts_decorate([
    Get('documents/:id'),
    ApiOperation({
        summary: 'A document with all its versions'
    }),
    ApiOkResponse(),
    ApiProblemResponses(404),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Param('id')),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        String
    ]),
    _ts_metadata("design:returntype", void 0)
], KnowledgeDocumentsController.prototype, "detail", null);
_ts_decorate([
    Put('documents/:id'),
    HttpCode(202),
    UseInterceptors(DocumentUploadInterceptor),
    ApiConsumes('application/json', 'multipart/form-data'),
    ApiBody(UPLOAD_BODY),
    ApiOperation({
        summary: 'Upload a new version; it replaces the current one atomically once ready'
    }),
    ApiAcceptedResponse(ACCEPTED),
    ApiProblemResponses(400, 404, 409, 413, 415, 422),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Param('id')),
    _ts_param(2, Body()),
    _ts_param(3, UploadedFile()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        String,
        typeof DocumentUploadDto === "undefined" ? Object : DocumentUploadDto,
        typeof Express === "undefined" || typeof Express.Multer === "undefined" || typeof Express.Multer.File === "undefined" ? Object : Express.Multer.File
    ]),
    _ts_metadata("design:returntype", void 0)
], KnowledgeDocumentsController.prototype, "replace", null);
_ts_decorate([
    Delete('documents/:id'),
    ApiOperation({
        summary: 'Retract a document: callers stop getting it at once'
    }),
    ApiOkResponse(),
    ApiProblemResponses(400, 404, 409),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Param('id')),
    _ts_param(2, Query()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        String,
        typeof RetractDocumentDto === "undefined" ? Object : RetractDocumentDto
    ]),
    _ts_metadata("design:returntype", void 0)
], KnowledgeDocumentsController.prototype, "retract", null);
_ts_decorate([
    Post('documents/:id/review'),
    HttpCode(200),
    ApiOperation({
        summary: 'Record that the current version was reviewed and is still right'
    }),
    ApiOkResponse(),
    ApiProblemResponses(400, 404, 409),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Param('id')),
    _ts_param(2, Body()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        String,
        typeof ReviewDocumentDto === "undefined" ? Object : ReviewDocumentDto
    ]),
    _ts_metadata("design:returntype", void 0)
], KnowledgeDocumentsController.prototype, "review", null);
_ts_decorate([
    Get('jobs/:id'),
    ApiOperation({
        summary: 'An ingestion job: queued → extracting → embedding → ready | failed'
    }),
    ApiOkResponse({
        schema: {
            example: {
                id: 'kjb_…',
                status: 'embedding',
                progress: {
                    done: 16,
                    total: 40
                }
            }
        }
    }),
    ApiProblemResponses(404),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Param('id')),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        String
    ]),
    _ts_metadata("design:returntype", void 0)
], KnowledgeDocumentsController.prototype, "job", null);
KnowledgeDocumentsController = _ts_decorate([
    ApiTags('knowledge: editors'),
    Controller('v1/knowledge'),
    KnowledgeEditorAuth(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof KnowledgeDocuments === "undefined" ? Object : KnowledgeDocuments
    ])
], KnowledgeDocumentsController);

//# sourceMappingURL=knowledge-documents.controller.js.map