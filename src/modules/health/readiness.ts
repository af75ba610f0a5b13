/** What `GET /ready` reports. */
export interface Readiness {
  readonly status: 'ok' | 'unavailable';
  readonly database: 'up' | 'down';
  readonly embeddedDatabase: boolean;
  /** The installed pgvector version, e.g. "0.8.0"; null when the extension is missing. */
  readonly pgvector: string | null;
  readonly pendingMigrations: number;
  /** `simulator` when no OPENAI_API_KEY is set and the built-in simulator stands in. */
  readonly openai: 'api' | 'simulator';
}
