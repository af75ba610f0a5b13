import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { LatencyMeter } from '../live-calls/index.js';
import { type SessionRecord, SessionsService } from '../sessions/index.js';
import { ToolFailedError } from '../tools/index.js';
import { type ProposedToolCall, VoiceConversation, VoiceEvents } from '../voice/index.js';
import { sessionPrincipal } from './session-principal.js';
import { ToolCallPipeline, type ToolCallResult } from './tool-call.pipeline.js';
import { ToolCallsRepository } from './tool-calls.repository.js';
import { errorOutput } from './tool-output.js';

/**
 * Answers the model's function calls, whichever voice API the call runs on. The adapter reports
 * them (`call.tool_calls`) once the turn that proposed them is over, so the reply that follows the
 * outputs never collides with a running response. Each output is sent once, whichever path
 * executed the call.
 */
@Injectable()
export class ProposedToolCallsListener implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ProposedToolCallsListener.name);
  private unsubscribe?: () => void;

  constructor(
    private readonly events: VoiceEvents,
    private readonly sessions: SessionsService,
    private readonly pipeline: ToolCallPipeline,
    private readonly toolCalls: ToolCallsRepository,
    private readonly conversation: VoiceConversation,
    private readonly latency: LatencyMeter,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.on('call.tool_calls', ({ callId, calls }) =>
      this.answer(callId, calls),
    );
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
  }

  private async answer(callId: string, calls: readonly ProposedToolCall[]): Promise<void> {
    const started = performance.now();
    const session = await this.sessions.findByCall(callId);
    if (!session) return;
    const results = await Promise.all(calls.map((call) => this.runOne(session, call)));
    let sent = 0;
    for (const [index, result] of results.entries()) {
      const { toolCallId } = calls[index];
      // Claimed and sent one at a time: a claimed output is on its way before the next claim.
      if (await this.claimDelivery(session, toolCallId, result))
        sent += this.conversation.sendToolOutput(callId, { toolCallId, output: result.output })
          ? 1
          : 0;
    }
    if (sent > 0) this.conversation.answerToolOutputs(callId);
    this.latency.addOwnTime(callId, performance.now() - started);
  }

  /** One call's failure (even a database error) must not cost the other calls their outputs. */
  private async runOne(session: SessionRecord, call: ProposedToolCall): Promise<ToolCallResult> {
    try {
      return await this.pipeline.run({
        session,
        principal: sessionPrincipal(session),
        toolCallId: call.toolCallId,
        name: call.name,
        arguments: call.arguments,
        source: 'sideband',
      });
    } catch (error) {
      this.logger.error(
        { toolCallId: call.toolCallId, err: (error as Error).message },
        'Tool call crashed',
      );
      const failure = new ToolFailedError(call.name);
      return { status: 'refused', output: errorOutput(failure), replayed: false, error: failure };
    }
  }

  /** Refusals have no stored row to mark; everything else is sent by whoever marks it first. */
  private async claimDelivery(
    session: SessionRecord,
    toolCallId: string,
    result: ToolCallResult,
  ): Promise<boolean> {
    if (result.status === 'refused') return true;
    return this.toolCalls.markOutputSent(session.id, toolCallId);
  }
}
