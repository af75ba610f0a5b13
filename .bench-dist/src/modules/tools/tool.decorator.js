import { DiscoveryService } from '@nestjs/core';
/**
 * Declares a Nest provider as a tool the model may propose calling. The decorator only writes
 * metadata; `ToolExplorer` finds decorated providers at bootstrap and registers them.
 *
 * ```ts
 * @Tool({ name: 'lookup_order', description: 'Look up an order.', input: LookupOrderInput })
 * @Injectable()
 * export class LookupOrderTool implements ToolHandler<LookupOrderInput, OrderView> { … }
 * ```
 */ // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each tool narrows its own input type
export const Tool = DiscoveryService.createDecorator();

//# sourceMappingURL=tool.decorator.js.map