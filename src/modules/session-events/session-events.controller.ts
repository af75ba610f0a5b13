import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import {
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentPrincipal, UserAuth } from '../../common/auth/auth.decorator.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { SessionEvents } from './session-events.service.js';

/** A comment line now and then keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

@ApiTags('sessions')
@UserAuth()
@Controller('v1/sessions')
export class SessionEventsController {
  constructor(private readonly events: SessionEvents) {}

  /**
   * Written by hand rather than with `@Sse`, which sends its headers before the handler has
   * decided: a stranger's request must get its 404 problem document, not an empty stream.
   */
  @Get(':id/events')
  @ApiOperation({
    summary:
      'Server-Sent Events of your own session: state, tool calls, approvals, knowledge, warnings, end',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'Resume after this event id (an audit sequence number)',
  })
  @ApiOkResponse({
    description:
      'Each event has an `id` (resume with Last-Event-ID), a type (`event:` state, tool, ' +
      'approval, knowledge, warning or ended) and JSON `data`; `: keep-alive` comments keep it open',
    content: {
      'text/event-stream': {
        schema: { type: 'string' },
        example:
          'id: 12\nevent: state\ndata: {"type":"state","state":"active"}\n\n' +
          'id: 15\nevent: tool\ndata: {"type":"tool","tool":"lookup_order","toolCallId":"call_8f2c","outcome":"executed"}\n\n',
      },
    },
  })
  @ApiNoContentResponse({
    description: 'The session is over and nothing after Last-Event-ID is left',
  })
  @ApiProblemResponses({ 400: ['BAD_REQUEST'], 404: ['SESSION_NOT_FOUND'] })
  async stream(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Res() res: Response,
    @Headers('last-event-id') lastEventId?: string,
  ): Promise<void> {
    // Listened for first: a page that leaves while the session is looked up stops everything.
    let gone = false;
    res.on('close', () => (gone = true));
    const after = /^\d{1,15}$/.test(lastEventId ?? '') ? Number(lastEventId) : 0;
    const events = await this.events.streamFor(principal, id, after);
    if (gone) return;
    // 204 tells an EventSource not to reconnect: there will be nothing more.
    if (!events) return void res.status(204).end();
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const finish = () => {
      clearInterval(heartbeat);
      res.end();
    };
    const subscription = events.subscribe({
      next: (event) =>
        res.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`),
      // A failure was logged; the page reconnects with Last-Event-ID and misses nothing.
      error: finish,
      complete: finish,
    });
    res.on('close', () => {
      clearInterval(heartbeat);
      subscription.unsubscribe();
    });
  }
}
