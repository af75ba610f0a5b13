import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { RealtimeEventBus, type ServerEventOf } from '../realtime/index.js';
import { GroundingContexts } from './grounding-contexts.js';
import { GroundingLedger } from './grounding-ledger.js';

/**
 * What the caller heard in a grounded Realtime call: each completed response's words, recorded
 * (`grounding.answered`) with the groundings that stood while it was given, so an exported audit
 * bundle says what was said from which document versions.
 */
@Injectable()
export class RealtimeAnswers implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RealtimeAnswers.name);
  private unsubscribe?: () => void;

  constructor(
    private readonly bus: RealtimeEventBus,
    private readonly contexts: GroundingContexts,
    private readonly ledger: GroundingLedger,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.bus.on(
      'server:response.done',
      ({ callId, event }) => void this.answered(callId, event),
    );
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
  }

  /** What the caller heard from a response, recorded while knowledge stands in the call. */
  private async answered(
    callId: string,
    { response }: ServerEventOf<'response.done'>,
  ): Promise<void> {
    try {
      if (response?.status !== 'completed' || !response.id) return;
      const context = await this.contexts.of(callId);
      if (!context) return;
      const heard = spokenText(response.output ?? []);
      if (!heard) return;
      const groundingIds = await this.ledger.standingIds(callId);
      if (groundingIds.length === 0) return;
      await this.ledger.answered(context.session.id, {
        responseId: response.id,
        heard,
        groundingIds,
      });
    } catch (error) {
      this.logger.error(
        { callId, err: (error as Error).message },
        'Recording a grounded answer failed',
      );
    }
  }
}

/** The words of a response's messages: its audio transcripts, or its text. */
function spokenText(output: readonly { type?: string; content?: readonly unknown[] }[]): string {
  return output
    .filter((item) => item.type === 'message')
    .flatMap((item) => (item.content ?? []) as { transcript?: string | null; text?: string }[])
    .map((part) => part.transcript ?? part.text ?? '')
    .join(' ')
    .trim();
}
