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
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import { CurrentPrincipal } from '../../common/auth/auth.decorator.js';
import type { Principal } from '../../common/auth/principal.js';
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
      { $ref: '#/components/schemas/DocumentUploadDto' },
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

const ACCEPTED = { schema: { example: { documentId: 'doc_…', version: 1, jobId: 'kjb_…' } } };

@ApiTags('knowledge: editors')
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
  @ApiProblemResponses(400, 404, 413, 415, 422)
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
  @ApiOkResponse()
  @ApiProblemResponses(400, 404)
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('id') sourceId: string,
    @Query() query: ListSourcesDto,
  ) {
    return this.documents.list(principal, sourceId, query.cursor, query.limit);
  }

  @Get('documents/:id')
  @ApiOperation({ summary: 'A document with all its versions' })
  @ApiOkResponse()
  @ApiProblemResponses(404)
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
  @ApiAcceptedResponse(ACCEPTED)
  @ApiProblemResponses(400, 404, 409, 413, 415, 422)
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
  @ApiOkResponse()
  @ApiProblemResponses(400, 404, 409)
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
  @ApiOkResponse()
  @ApiProblemResponses(400, 404, 409)
  review(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: ReviewDocumentDto,
  ) {
    return this.documents.review(principal, id, body.nextReviewBy);
  }

  @Get('jobs/:id')
  @ApiOperation({ summary: 'An ingestion job: queued → extracting → embedding → ready | failed' })
  @ApiOkResponse({
    schema: { example: { id: 'kjb_…', status: 'embedding', progress: { done: 16, total: 40 } } },
  })
  @ApiProblemResponses(404)
  job(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.documents.job(principal, id);
  }
}
