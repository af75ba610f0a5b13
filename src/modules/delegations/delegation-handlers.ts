import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';

import { AppConfig } from '../../config/app-config.js';
import { DelegationHandlerFor, type DelegationHandler } from './delegation-handler.js';

/**
 * Every `@DelegationHandlerFor(name)` provider, found once at start. A duplicate name, a handler
 * without `handle`, or a profile naming a handler nobody registers fails the boot.
 */
@Injectable()
export class DelegationHandlers implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(DelegationHandlers.name);
  private readonly byName = new Map<string, DelegationHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: DelegationHandlerFor.KEY })) {
      const handler = wrapper.instance as Partial<DelegationHandler> | undefined;
      const name = this.discovery.getMetadataByDecorator(DelegationHandlerFor, wrapper);
      if (!name || !handler || this.byName.get(name) === handler) continue; // aliases
      if (typeof handler.handle !== 'function')
        throw new Error(
          `Delegation handler "${name}" (${wrapper.name}) has no handle(task) method.`,
        );
      if (this.byName.has(name))
        throw new Error(`Two providers register the delegation handler "${name}".`);
      this.byName.set(name, handler as DelegationHandler);
    }
    if (this.byName.size > 0)
      this.logger.log({ handlers: [...this.byName.keys()] }, 'Delegation handlers registered');
  }

  onApplicationBootstrap(): void {
    for (const profile of Object.values(this.config.sessions.agentProfiles)) {
      const name = profile.api === 'live' ? profile.live?.handler : undefined;
      if (name && !this.byName.has(name))
        throw new Error(
          `The agent profile "${profile.name}" names the delegation handler "${name}", which no provider registers (@DelegationHandlerFor("${name}")).`,
        );
    }
  }

  get(name: string): DelegationHandler | undefined {
    return this.byName.get(name);
  }
}
