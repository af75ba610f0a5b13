import type { IncomingMessage, ServerResponse } from 'node:http';

import type { SimulatorContext } from '../simulator-context.js';

export interface Route {
  readonly method: 'GET' | 'POST';
  /** Matched against the path without query; capture groups become `params`. */
  readonly pattern: RegExp;
  handle(
    ctx: SimulatorContext,
    req: IncomingMessage,
    res: ServerResponse,
    params: string[],
  ): Promise<void>;
}

export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: string[] } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) return { route, params: match.slice(1).map(decodeURIComponent) };
  }
  return undefined;
}
