import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';

import { CurrentPrincipal } from '../../common/auth/auth.decorator.js';
import type { Principal } from '../../common/auth/principal.js';
import {
  ApiProblemResponses,
  JSON_BODY_PROBLEMS,
  type ProblemCodes,
} from '../../common/openapi/api-problem-responses.decorator.js';
import { DocumentUploadInterceptor } from './document-upload.interceptor.js';
import { DocumentUploadDto, RetractDocumentDto, ReviewDocumentDto } from './dto/document.dto.js';
import {
  ACCEPTED_UPLOAD_EXAMPLE,
  AcceptedUploadView,
  DOCUMENT_DETAIL_EXAMPLE,
  DOCUMENT_EXAMPLE,
  DOCUMENT_PAGE_EXAMPLE,
  DocumentDetailView,
  DocumentPageView,
  DocumentView,
} from './dto/document.view.js';
import { JOB_EXAMPLE, JobView } from './dto/job.view.js';
import { ListSourcesDto } from './dto/source.dto.js';
import { KnowledgeEditorAuth } from './knowledge-auth.decorator.js';
import { KnowledgeDocuments } from './knowledge-documents.service.js';
import { uploadedContent } from './uploaded-content.js';

const UPLOAD_BODY = {
  schema: {
    oneOf: [
      { $ref: getSchemaPath(DocumentUploadDto) },
      {
        type: 'object',
        required: ['file'],
        properties: {
          file: { type: 'string', format: 'binary' },
          title: { type: 'string' },
          validFrom: { type: 'string', format: 'date-time' },
          validUntil: { type: 'string', format: 'date-time' },
          reviewBy: { type: 'string', format: 'date-time' },
        },
      },
    ],
  },
};

const ACCEPTED = { type: AcceptedUploadView, example: ACCEPTED_UPLOAD_EXAMPLE };

/** How an upload is refused while the request waits: the form, or the extractor reading it. */
const UPLOAD_PROBLEMS: ProblemCodes = {
  400: ['DOCUMENT_MISSING', 'UPLOAD_INVALID'],
  413: ['DOCUMENT_TOO_LARGE', 'PDF_TOO_MANY_PAGES', 'HTML_TOO_COMPLEX'],
  415: ['UNSUPPORTED_CONTENT'],
  422: [
    'DOCUMENT_EMPTY',
    'INVALID_UTF8',
    'INVALID_UTF16',
    'UTF16_WITHOUT_BOM',
    'PDF_ENCRYPTED',
    'PDF_CORRUPT',
    'PDF_NO_TEXT',
    'HTML_NO_TEXT',
  ],
};

@ApiTags('knowledge: editors')
@ApiExtraModels(DocumentUploadDto)
@Controller('v1/knowledge')
@KnowledgeEditorAuth()
export class KnowledgeDocumentsController {
  constructor(private readonly documents: KnowledgeDocuments) {}

  @Post('sources/:id/documents')
  @HttpCode(202)
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiOperation({
    summary: 'Upload a document (Markdown, text, HTML or PDF); ingestion runs as a job',
  })
  @ApiAcceptedResponse(ACCEPTED)
  @ApiProblemResponses(JSON_BODY_PROBLEMS, UPLOAD_PROBLEMS, { 404: ['SOURCE_NOT_FOUND'] })
  upload(
    @CurrentPrincipal() principal: Principal,
    @Param('id') sourceId: string,
    @Body() body: DocumentUploadDto,
    @UploadedFile() file?: Express.Multer.File,
  ) {
    return this.documents.upload(principal, sourceId, uploadedContent(body, file), body);
  }

  @Get('sources/:id/documents')
  @ApiOperation({ summary: "A source's documents, oldest first" })
  @ApiOkResponse({ type: DocumentPageView, example: DOCUMENT_PAGE_EXAMPLE })
  @ApiProblemResponses({ 400: ['VALIDATION_FAILED'], 404: ['SOURCE_NOT_FOUND'] })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('id') sourceId: string,
    @Query() query: ListSourcesDto,
  ) {
    return this.documents.list(principal, sourceId, query.cursor, query.limit);
  }

  @Get('documents/:id')
  @ApiOperation({ summary: 'A document with all its versions' })
  @ApiOkResponse({ type: DocumentDetailView, example: DOCUMENT_DETAIL_EXAMPLE })
  @ApiProblemResponses({ 404: ['DOCUMENT_NOT_FOUND'] })
  detail(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.documents.detail(principal, id);
  }

  @Put('documents/:id')
  @HttpCode(202)
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiOperation({
    summary: 'Upload a new version; it replaces the current one atomically once ready',
  })
  @ApiAcceptedResponse({ ...ACCEPTED, example: { ...ACCEPTED_UPLOAD_EXAMPLE, version: 2 } })
  @ApiProblemResponses(JSON_BODY_PROBLEMS, UPLOAD_PROBLEMS, {
    404: ['DOCUMENT_NOT_FOUND'],
    409: ['DOCUMENT_RETRACTED', 'DOCUMENT_BUSY'],
  })
  replace(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: DocumentUploadDto,
    @UploadedFile() file?: Express.Multer.File,
  ) {
    return this.documents.newVersion(principal, id, uploadedContent(body, file), body);
  }

  @Delete('documents/:id')
  @ApiOperation({ summary: 'Retract a document: callers stop getting it at once' })
  @ApiOkResponse({
    type: DocumentView,
    example: {
      ...DOCUMENT_EXAMPLE,
      retractedAt: '2026-12-05T09:00:00.000Z',
      retractedBy: DOCUMENT_EXAMPLE.createdBy,
      retractionReason: 'outdated',
    },
  })
  @ApiProblemResponses({
    400: ['VALIDATION_FAILED'],
    404: ['DOCUMENT_NOT_FOUND'],
    409: ['DOCUMENT_RETRACTED'],
  })
  retract(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Query() query: RetractDocumentDto,
  ) {
    return this.documents.retract(principal, id, query.reason);
  }

  @Post('documents/:id/review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that the current version was reviewed and is still right' })
  @ApiOkResponse({ type: DocumentDetailView, example: DOCUMENT_DETAIL_EXAMPLE })
  @ApiProblemResponses(JSON_BODY_PROBLEMS, {
    404: ['DOCUMENT_NOT_FOUND'],
    409: ['DOCUMENT_RETRACTED', 'DOCUMENT_NOT_READY'],
  })
  review(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: ReviewDocumentDto,
  ) {
    return this.documents.review(principal, id, body.nextReviewBy);
  }

  @Get('jobs/:id')
  @ApiOperation({ summary: 'An ingestion job: queued → extracting → embedding → ready | failed' })
  @ApiOkResponse({ type: JobView, example: JOB_EXAMPLE })
  @ApiProblemResponses({ 404: ['JOB_NOT_FOUND'] })
  job(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.documents.job(principal, id);
  }
}
