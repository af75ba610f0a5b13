/**
 * The one typed configuration object, built once at boot from the validated environment.
 * Modules inject it (`constructor(private readonly config: AppConfig)`) and read their namespace.
 */ export class AppConfig {
}

//# sourceMappingURL=app-config.js.map