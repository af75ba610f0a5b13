import { Injectable } from '@nestjs/common';

import { storedPrincipal, type Principal } from '../../common/auth/principal.js';
import type { GroundingMode } from '../../config/agent-profiles.js';
import { AppConfig } from '../../config/app-config.js';
import { type SessionRecord, SessionsService } from '../sessions/index.js';

/** How one call is grounded: its session, as whom it reads, and its agent's settings. */
export interface GroundingContext {
  readonly session: SessionRecord;
  /** The caller, as the session recorded them: tenant and roles decide what is readable. */
  readonly principal: Principal;
  readonly mode: GroundingMode;
  readonly budgetMs: number;
  readonly snippets: number;
}

/**
 * The grounding context of each call this replica serves, looked up once per call (a turn must
 * not wait for the database to learn it) and undefined for a call whose agent profile has no
 * `grounding`. Forgotten when the call's control channel closes.
 */
@Injectable()
export class GroundingContexts {
  private readonly byCall = new Map<string, Promise<GroundingContext | undefined>>();

  constructor(
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {}

  of(callId: string): Promise<GroundingContext | undefined> {
    let context = this.byCall.get(callId);
    if (!context) {
      context = this.lookUp(callId);
      this.byCall.set(callId, context);
      // A failed lookup is tried again at the next turn, not cached.
      context.catch(() => this.byCall.delete(callId));
    }
    return context;
  }

  forget(callId: string): void {
    this.byCall.delete(callId);
  }

  private async lookUp(callId: string): Promise<GroundingContext | undefined> {
    const session = await this.sessions.findByCall(callId);
    // Not bound to its call yet (the control channel can open first): asked again next time.
    if (!session) this.byCall.delete(callId);
    const settings = session && this.config.sessions.agentProfiles[session.agent]?.grounding;
    if (!session || !settings) return undefined;
    const defaults = this.config.grounding;
    return {
      session,
      principal: storedPrincipal({
        actor: `user:${session.userId}`,
        tenantId: session.tenantId,
        roles: session.roles,
      }),
      mode: settings.mode ?? 'next_turn',
      budgetMs: settings.budgetMs ?? defaults.budgetMs,
      snippets: settings.snippets ?? defaults.snippets,
    };
  }
}
