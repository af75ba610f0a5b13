import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';

import { AppModule } from './app.module.js';
import { ProblemDetailsFilter } from './common/errors/problem-details.filter.js';
import { createValidationPipe } from './common/errors/validation.pipe.js';
import { useBodyParsers } from './common/http/body-parsers.js';
import { DeferredBodyErrorInterceptor } from './common/http/deferred-body-errors.js';
import { setupOpenApi } from './common/openapi/setup-openapi.js';
import type { AppConfig } from './config/app-config.js';
import { connectDatabase } from './database/database-connection.js';
import { runAllMigrations } from './database/migration-chain.js';
import { httpMetricsMiddleware, MetricsRegistry } from './modules/metrics/index.js';
import { serveWebAssets } from './modules/web/index.js';
import type { EmbeddedPostgres } from './database/embedded-postgres.js';

export interface CreateAppOptions {
  /** An embedded server that is already running (tests share one per worker). */
  readonly embedded?: EmbeddedPostgres;
  readonly logDestination?: DestinationStream;
  /** Your own modules (tools, extra routes), imported next to Switchboard's. */
  readonly imports?: readonly (Type | DynamicModule)[];
}

/**
 * Builds the whole application: connects the database, runs pending migrations (unless disabled:
 * the product's, then the demo shop's while it is on), and configures the HTTP layer. `main.ts`
 * and the e2e tests both start the app through here, so tests exercise exactly what production
 * runs. The caller listens and, at the end, calls `close()`.
 */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<INestApplication> {
  const dataSource = await connectDatabase(config, options.embedded);
  try {
    if (config.database.runMigrations)
      await runAllMigrations(dataSource, AppModule.migrationChains(config));
    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot({
        config,
        dataSource,
        logDestination: options.logDestination,
        imports: options.imports,
      }),
      { bodyParser: false, bufferLogs: true, abortOnError: false },
    );
    configureHttp(app, config);
    return app;
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
}

function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.disable('x-powered-by');
  app.use(httpMetricsMiddleware(app.get(MetricsRegistry)));
  if (config.http.corsOrigins.length > 0) app.enableCors(corsOptions(config.http.corsOrigins));
  serveWebAssets(app, config);
  useBodyParsers(app, config.http);
  app.useGlobalInterceptors(new DeferredBodyErrorInterceptor());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  setupOpenApi(app);
}

/**
 * Pages on these origins may call the API with a bearer token (no cookies: credentials stay
 * off). The headers a page reads are exposed: the call id, request id and a 429's Retry-After.
 */
function corsOptions(origins: readonly string[]) {
  return {
    origin: [...origins],
    methods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'last-event-id', 'x-request-id'],
    exposedHeaders: ['location', 'retry-after', 'x-request-id'],
    credentials: false,
    maxAge: 600,
  };
}
