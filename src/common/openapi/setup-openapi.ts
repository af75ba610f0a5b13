import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

import { SECURITY_SCHEMES } from './security-schemes.js';

/** Serves the OpenAPI document at `/docs-json` and Swagger UI at `/docs`. */
export function setupOpenApi(app: INestApplication): void {
  const builder = new DocumentBuilder()
    .setTitle('Switchboard')
    .setDescription(
      'Server-side control for OpenAI Realtime voice agents: sessions, governed tools, approvals, ' +
        'audit and knowledge. Errors are RFC 9457 application/problem+json with a stable `code`. ' +
        'Authorize with a user JWT for app routes, or an operator API key for admin routes.',
    )
    .setVersion(process.env.npm_package_version ?? '0.1.0');
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) builder.addSecurity(name, scheme);
  const document = SwaggerModule.createDocument(app, builder.build());
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    // Credentials stay in the page's memory: a shared browser must not keep a key in localStorage.
    swaggerOptions: { persistAuthorization: false },
  });
}
