import { Controller, Get, type INestApplication, Post } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';

import { ApiProblemResponses, JSON_BODY_PROBLEMS } from './api-problem-responses.decorator.js';

@Controller('fixtures')
@ApiProblemResponses(401, { 403: ['FORBIDDEN'] })
class FixtureController {
  @Get('plain')
  plain() {}

  @Post('own')
  @ApiProblemResponses({ 403: ['FIXTURE_NOT_YOURS'] })
  @ApiProblemResponses(JSON_BODY_PROBLEMS, { 404: ['FIXTURE_NOT_FOUND'], 409: ['FIXTURE_BUSY'] })
  own() {}

  @Get('legacy')
  @ApiProblemResponses(404, [409, 'Conflicts with another fixture'])
  legacy() {}
}

type Responses = Record<
  string,
  {
    description: string;
    content: Record<string, { schema: { allOf?: unknown[] }; examples?: object }>;
  }
>;

describe(ApiProblemResponses.name, () => {
  let app: INestApplication;
  let responses: (path: string, method: 'get' | 'post') => Responses;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [FixtureController],
    }).compile();
    app = await moduleRef.createNestApplication({ logger: false }).init();
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    responses = (path, method) => document.paths[path][method]!.responses as Responses;
  });
  afterAll(() => app.close());

  const codes = (all: Responses, status: number) => {
    const allOf = all[status].content['application/problem+json'].schema.allOf ?? [];
    return (allOf[1] as { properties: { code: { enum: string[] } } } | undefined)?.properties.code
      .enum;
  };

  it("documents a bare status with the request layer's codes, and 500 everywhere", () => {
    const plain = responses('/fixtures/plain', 'get');
    expect(Object.keys(plain)).toEqual(['401', '403', '500']);
    expect(codes(plain, 401)).toEqual(['UNAUTHENTICATED']);
    expect(codes(plain, 500)).toEqual(['INTERNAL_ERROR']);
  });

  it("adds up the codes of a route's decorators and its controller's, status by status", () => {
    const own = responses('/fixtures/own', 'post');
    expect(codes(own, 403)).toEqual(['FIXTURE_NOT_YOURS', 'FORBIDDEN']);
    expect(codes(own, 400)).toEqual(JSON_BODY_PROBLEMS[400]);
    expect(codes(own, 404)).toEqual(['FIXTURE_NOT_FOUND']);
    expect(codes(own, 401)).toEqual(['UNAUTHENTICATED']);
  });

  it('gives each status one description and one example per code', () => {
    const own = responses('/fixtures/own', 'post');
    expect(own[403].description).toBe('Authenticated but not allowed');
    expect(own[409].content['application/problem+json'].examples).toEqual({
      FIXTURE_BUSY: {
        value: { type: 'urn:switchboard:problem:fixture-busy', status: 409, code: 'FIXTURE_BUSY' },
      },
    });
  });

  it('keeps the numeric and described forms for statuses without a request-layer code', () => {
    const legacy = responses('/fixtures/legacy', 'get');
    expect(legacy[404].content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/ProblemDetailsSchema',
    });
    expect(legacy[409].description).toBe('Conflicts with another fixture');
  });
});
