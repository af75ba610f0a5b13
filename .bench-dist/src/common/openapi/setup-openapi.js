import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
/** Serves the OpenAPI document at `/docs-json` and Swagger UI at `/docs`. */ export function setupOpenApi(app) {
    const config = new DocumentBuilder().setTitle('Switchboard').setDescription('Server-side control for OpenAI Realtime voice agents: sessions, governed tools, approvals, ' + 'audit and knowledge. Errors are RFC 9457 application/problem+json with a stable `code`.').setVersion(process.env.npm_package_version ?? '0.1.0').build();
    const document = SwaggerModule.createDocument(app, config);
    SwaggerModule.setup('docs', app, document, {
        jsonDocumentUrl: 'docs-json'
    });
}

//# sourceMappingURL=setup-openapi.js.map