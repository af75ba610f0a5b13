import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { ProblemDetailsFilter } from './common/errors/problem-details.filter.js';
import { createValidationPipe } from './common/errors/validation.pipe.js';
import { useBodyParsers } from './common/http/body-parsers.js';
import { DeferredBodyErrorInterceptor } from './common/http/deferred-body-errors.js';
import { setupOpenApi } from './common/openapi/setup-openapi.js';
import { connectDatabase } from './database/database-connection.js';
import { runAllMigrations } from './database/migration-chain.js';
import { httpMetricsMiddleware, MetricsRegistry } from './modules/metrics/index.js';
/**
 * Builds the whole application: connects the database, runs pending migrations (unless disabled:
 * the product's, then the demo shop's while it is on), and configures the HTTP layer. `main.ts`
 * and the e2e tests both start the app through here, so tests exercise exactly what production
 * runs. The caller listens and, at the end, calls `close()`.
 */ export async function createApp(config, options = {}) {
    const dataSource = await connectDatabase(config, options.embedded);
    try {
        if (config.database.runMigrations) await runAllMigrations(dataSource, AppModule.migrationChains(config));
        const app = await NestFactory.create(AppModule.forRoot({
            config,
            dataSource,
            logDestination: options.logDestination,
            imports: options.imports
        }), {
            bodyParser: false,
            bufferLogs: true,
            abortOnError: false
        });
        configureHttp(app, config);
        return app;
    } catch (error) {
        await dataSource.destroy().catch(()=>undefined);
        throw error;
    }
}
function configureHttp(app, config) {
    app.useLogger(app.get(Logger));
    app.flushLogs();
    app.disable('x-powered-by');
    app.use(httpMetricsMiddleware(app.get(MetricsRegistry)));
    useBodyParsers(app, config.http);
    app.useGlobalInterceptors(new DeferredBodyErrorInterceptor());
    app.useGlobalPipes(createValidationPipe());
    app.useGlobalFilters(new ProblemDetailsFilter());
    app.enableShutdownHooks();
    setupOpenApi(app);
}

//# sourceMappingURL=app.factory.js.map