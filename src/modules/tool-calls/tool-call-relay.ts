import { Injectable } from '@nestjs/common';

import type { Principal } from '../../common/auth/principal.js';
import { SessionsService } from '../sessions/index.js';
import type { RelayToolCallDto } from './dto/relay-tool-call.dto.js';
import type { ToolCallResultView } from './dto/tool-call-result.view.js';
import { ToolCallPipeline } from './tool-call.pipeline.js';

/**
 * A function call a page relays for its own session: only the session's owner, through the same
 * pipeline and the same `(session, callId)` record as the sideband path. A refusal is thrown as
 * its domain error (problem+json); anything else is the recorded result.
 */
@Injectable()
export class ToolCallRelay {
  constructor(
    private readonly sessions: SessionsService,
    private readonly pipeline: ToolCallPipeline,
  ) {}

  async relay(
    principal: Principal,
    sessionId: string,
    call: RelayToolCallDto,
  ): Promise<ToolCallResultView> {
    const session = await this.sessions.getOwned(principal, sessionId);
    const result = await this.pipeline.run({
      session,
      principal,
      toolCallId: call.callId,
      name: call.name,
      arguments: call.arguments,
      source: 'relay',
    });
    if (result.error) throw result.error;
    return {
      callId: call.callId,
      actionId: result.actionId!,
      status: result.status,
      output: result.output,
      replayed: result.replayed,
    };
  }
}
