import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { RealtimeEventBus, SidebandConnections, SidebandTags } from '../realtime/index.js';
import { LatencyMeter, ServerResponses } from '../live-calls/index.js';
import { type SessionRecord, SessionsService } from '../sessions/index.js';
import { ToolFailedError } from '../tools/index.js';
import { sessionPrincipal } from './session-principal.js';
import { ToolCallPipeline, type ToolCallResult } from './tool-call.pipeline.js';
import { ToolCallsRepository } from './tool-calls.repository.js';
import { errorOutput } from './tool-output.js';

interface FunctionCallItem {
  readonly type: 'function_call';
  readonly call_id: string;
  readonly name: string;
  readonly arguments: string;
}

/**
 * Answers the model's function calls on the sideband. It acts on `response.done`, once the
 * response that proposed the calls is over, so the `response.create` that follows the outputs never
 * collides with an active response. Each output is sent once, whichever path executed the call.
 */
@Injectable()
export class SidebandToolCalls implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SidebandToolCalls.name);
  private unsubscribe?: () => void;

  constructor(
    private readonly bus: RealtimeEventBus,
    private readonly sessions: SessionsService,
    private readonly pipeline: ToolCallPipeline,
    private readonly toolCalls: ToolCallsRepository,
    private readonly sidebands: SidebandConnections,
    private readonly tags: SidebandTags,
    private readonly responses: ServerResponses,
    private readonly latency: LatencyMeter,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.bus.on('sideband.event', async ({ callId, event }) => {
      if (event.type !== 'response.done') return;
      const response = event.response as
        { status?: string; output?: { type?: string }[] } | undefined;
      // A cancelled or failed response (barge-in, error) withdrew its proposals: nothing runs.
      if (response?.status && response.status !== 'completed') return;
      const output = response?.output;
      const calls = (output ?? []).filter(
        (item): item is FunctionCallItem => item.type === 'function_call',
      );
      if (calls.length > 0) await this.answer(callId, calls);
    });
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
  }

  private async answer(callId: string, calls: FunctionCallItem[]): Promise<void> {
    const started = performance.now();
    const session = await this.sessions.findByCall(callId);
    if (!session) return;
    const results = await Promise.all(calls.map((call) => this.runOne(session, call)));
    let sent = 0;
    for (const [index, result] of results.entries()) {
      const toolCallId = calls[index].call_id;
      if (await this.claimDelivery(session, toolCallId, result))
        sent += this.sendOutput(callId, toolCallId, result) ? 1 : 0;
    }
    if (sent > 0) this.responses.request(callId, { reason: 'tool_outputs' });
    this.latency.addOwnTime(callId, performance.now() - started);
  }

  /** One call's failure (even a database error) must not cost the other calls their outputs. */
  private async runOne(session: SessionRecord, call: FunctionCallItem): Promise<ToolCallResult> {
    try {
      return await this.pipeline.run({
        session,
        principal: sessionPrincipal(session),
        toolCallId: call.call_id,
        name: call.name,
        arguments: call.arguments ?? '',
        source: 'sideband',
      });
    } catch (error) {
      this.logger.error(
        { toolCallId: call.call_id, err: (error as Error).message },
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

  private sendOutput(callId: string, toolCallId: string, result: ToolCallResult): boolean {
    // Tagged, so the tamper guard knows it for Switchboard's own (the page cannot mint the tag).
    const sent = this.sidebands.send(callId, {
      type: 'conversation.item.create',
      item: this.tags.tagItem(callId, {
        type: 'function_call_output',
        call_id: toolCallId,
        output: JSON.stringify(result.output),
      }),
    });
    if (!sent)
      this.logger.warn({ callId, toolCallId }, 'Sideband closed; tool output not delivered');
    return sent;
  }
}
