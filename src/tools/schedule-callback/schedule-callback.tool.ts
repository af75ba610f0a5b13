import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { DomainError } from '../../common/errors/domain.error.js';
import { newId } from '../../common/ids.js';
import { Tool, type ToolContext, type ToolHandler } from '../../modules/tools/index.js';
import type { DemoErrorCode } from '../shared/demo.errors.js';
import { ScheduleCallbackInput } from './schedule-callback.input.js';

export interface ScheduledCallback {
  callbackId: string;
  at: string;
}

const MAX_DAYS_AHEAD = 30;

class CallbackTimeError extends DomainError<DemoErrorCode> {
  constructor() {
    super({
      code: 'CALLBACK_TIME_INVALID',
      status: 422,
      title: 'Callback time not possible',
      detail: `A callback must be in the future and at most ${MAX_DAYS_AHEAD} days ahead.`,
    });
  }
}

/**
 * Reversible: cancelling the callback undoes it completely. Shows nested input (contact), an enum
 * array (topics) and redaction of a nested field (the phone number).
 */
@Tool({
  name: 'schedule_callback',
  description: 'Book a phone callback from a person at a time the caller chooses.',
  input: ScheduleCallbackInput,
  reversibility: 'reversible',
  redact: ['contact.phone'],
  rateLimit: { perSession: { limit: 3, windowSeconds: 3600 } },
  idempotent: true,
})
@Injectable()
export class ScheduleCallbackTool implements ToolHandler<ScheduleCallbackInput, ScheduledCallback> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(input: ScheduleCallbackInput, ctx: ToolContext): Promise<ScheduledCallback> {
    const at = new Date(input.when);
    const ahead = at.getTime() - Date.now();
    if (!(ahead > 0 && ahead <= MAX_DAYS_AHEAD * 86_400_000)) throw new CallbackTimeError();
    const callbackId = newId('cb');
    const [row] = (await this.dataSource.query(
      `INSERT INTO demo_callbacks (id, tenant_id, user_id, at, phone, topics, note, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key
       RETURNING id, at`,
      [
        callbackId,
        ctx.tenantId ?? '',
        ctx.principal.id,
        at,
        input.contact.phone,
        input.topics,
        input.note ?? null,
        ctx.idempotencyKey,
      ],
    )) as { id: string; at: Date }[];
    return { callbackId: row.id, at: new Date(row.at).toISOString() };
  }

  async compensate(
    _input: ScheduleCallbackInput,
    result: ScheduledCallback,
  ): Promise<{ cancelled: boolean }> {
    const [rows] = (await this.dataSource.query(
      `UPDATE demo_callbacks SET status = 'cancelled' WHERE id = $1 AND status = 'scheduled' RETURNING id`,
      [result.callbackId],
    )) as [unknown[], number];
    return { cancelled: rows.length === 1 };
  }
}
