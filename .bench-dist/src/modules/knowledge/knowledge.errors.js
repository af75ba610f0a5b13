import { DomainError } from '../../common/errors/domain.error.js';
/**
 * Every code the knowledge module owns (the extractor's own codes are in `src/knowledge`).
 * `INGESTION_FAILED`, `INGESTION_ABANDONED` and `MODEL_RETIRED` have no class: they are recorded
 * on a failed job (`ingestion-worker.ts`, `knowledge-jobs.repository.ts`).
 */ export const KNOWLEDGE_ERROR_CODES = [
    'SOURCE_NOT_FOUND',
    'SOURCE_NAME_TAKEN',
    'SOURCE_TENANT_FORBIDDEN',
    'DOCUMENT_NOT_FOUND',
    'DOCUMENT_RETRACTED',
    'DOCUMENT_BUSY',
    'DOCUMENT_MISSING',
    'UPLOAD_INVALID',
    'DOCUMENT_NOT_READY',
    'JOB_NOT_FOUND',
    'KNOWLEDGE_QUERY_INVALID',
    'INGESTION_FAILED',
    'INGESTION_ABANDONED',
    'MODEL_RETIRED',
    'EMBEDDING_MODEL_UNAVAILABLE'
];
export class SourceNotFoundError extends DomainError {
    constructor(id){
        super({
            code: 'SOURCE_NOT_FOUND',
            status: 404,
            title: 'Source not found',
            detail: `No knowledge source "${id}" exists that you may manage.`
        });
    }
}
export class SourceNameTakenError extends DomainError {
    constructor(name){
        super({
            code: 'SOURCE_NAME_TAKEN',
            status: 409,
            title: 'Source name taken',
            detail: `This tenant already has a source named "${name}"; choose another name or update that source.`
        });
    }
}
export class SourceTenantForbiddenError extends DomainError {
    constructor(tenantId){
        super({
            code: 'SOURCE_TENANT_FORBIDDEN',
            status: 403,
            title: 'Not your tenant',
            detail: `You edit knowledge of your own tenant only; leave tenantId out or set it to ${JSON.stringify(tenantId)}.`
        });
    }
}
export class DocumentNotFoundError extends DomainError {
    constructor(id){
        super({
            code: 'DOCUMENT_NOT_FOUND',
            status: 404,
            title: 'Document not found',
            detail: `No document "${id}" exists that you may manage.`
        });
    }
}
export class DocumentRetractedError extends DomainError {
    constructor(id){
        super({
            code: 'DOCUMENT_RETRACTED',
            status: 409,
            title: 'Document retracted',
            detail: `Document ${id} was retracted; upload it as a new document instead.`
        });
    }
}
export class DocumentBusyError extends DomainError {
    constructor(id, jobId){
        super({
            code: 'DOCUMENT_BUSY',
            status: 409,
            title: 'A version is still being ingested',
            detail: `Document ${id} has a version in ingestion (job ${jobId}); wait until it is ready or failed, then upload again.`,
            extensions: {
                jobId
            }
        });
    }
}
export class DocumentMissingError extends DomainError {
    constructor(){
        super({
            code: 'DOCUMENT_MISSING',
            status: 400,
            title: 'No document in the request',
            detail: 'Send the document as a multipart form with the file in the field "file", or as JSON { "title": …, "text": … }.'
        });
    }
}
export class DocumentNotReadyError extends DomainError {
    constructor(id){
        super({
            code: 'DOCUMENT_NOT_READY',
            status: 409,
            title: 'Nothing to review yet',
            detail: `Document ${id} has no published version yet; review it once its ingestion is ready.`
        });
    }
}
export class JobNotFoundError extends DomainError {
    constructor(id){
        super({
            code: 'JOB_NOT_FOUND',
            status: 404,
            title: 'Job not found',
            detail: `No ingestion job "${id}" exists that you may see.`
        });
    }
}
export class KnowledgeQueryInvalidError extends DomainError {
    constructor(detail){
        super({
            code: 'KNOWLEDGE_QUERY_INVALID',
            status: 400,
            title: 'Unusable query',
            detail
        });
    }
}
export class EmbeddingModelUnavailableError extends DomainError {
    constructor(modelId){
        super({
            code: 'EMBEDDING_MODEL_UNAVAILABLE',
            status: 503,
            title: 'Embedding model unavailable',
            detail: `The embedding model ${modelId} could not be loaded; an operator must check SWITCHBOARD_KNOWLEDGE_MODEL and its cache directory.`,
            retryAfterSeconds: 30
        });
    }
}
export class UploadInvalidError extends DomainError {
    constructor(detail){
        super({
            code: 'UPLOAD_INVALID',
            status: 400,
            title: 'Unreadable upload',
            detail
        });
    }
}

//# sourceMappingURL=knowledge.errors.js.map