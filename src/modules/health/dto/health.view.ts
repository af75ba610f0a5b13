import { ApiProperty } from '@nestjs/swagger';

import type { Readiness } from '../readiness.js';

export class LivenessView {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

/** What `GET /ready` reports; the same body with status `unavailable` comes with a 503. */
export class ReadinessView {
  @ApiProperty({ enum: ['ok', 'unavailable'] })
  status!: Readiness['status'];

  @ApiProperty({ enum: ['up', 'down'] })
  database!: Readiness['database'];

  @ApiProperty({ description: 'Whether the built-in embedded database is in use' })
  embeddedDatabase!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'pgvector version; null if missing' })
  pgvector!: string | null;

  @ApiProperty()
  pendingMigrations!: number;

  @ApiProperty({ enum: ['api', 'simulator'], description: 'simulator: no OPENAI_API_KEY set' })
  openai!: Readiness['openai'];
}

export const LIVENESS_EXAMPLE: LivenessView = { status: 'ok' };

export const READINESS_EXAMPLE: ReadinessView = {
  status: 'ok',
  database: 'up',
  embeddedDatabase: true,
  pgvector: '0.8.0',
  pendingMigrations: 0,
  openai: 'simulator',
};
