import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Response } from 'express';

import type { AppConfig } from '../../config/app-config.js';
import { packageRoot } from './package-root.js';

/**
 * The pages (demo and console) may load only what this server serves; its audio goes over WebRTC, which CSP
 * does not govern. No inline script or style, no framing.
 */
const DEMO_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob: mediastream:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function noSniff(res: Response): void {
  res.setHeader('x-content-type-options', 'nosniff');
}

/** A page's headers, on every file of it (its HTML is reachable under its folder too). */
function pageHeaders(res: Response): void {
  noSniff(res);
  res.setHeader('content-security-policy', DEMO_PAGE_CSP);
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
}

/**
 * Serves what the build put in `dist/`: the browser client at `/client/switchboard.js` (always:
 * any page may use it), the operator console at `/console` and, while the demo shop is on, the
 * demo page at `/` with its files under `/demo/`. Files are revalidated on every load (ETag), so
 * a new build is picked up at once.
 */
export function serveWebAssets(app: NestExpressApplication, config: AppConfig): void {
  const dist = join(packageRoot(), 'dist');
  const clientDir = join(dist, 'client');
  if (!existsSync(join(clientDir, 'switchboard.js')))
    new Logger('WebAssets').warn(
      { clientDir },
      'The browser client is not built, so /client/switchboard.js, the console and the demo page answer 404: run `npm run build`.',
    );
  const files = { index: false, maxAge: 0, fallthrough: true, setHeaders: noSniff } as const;
  app.useStaticAssets(clientDir, { ...files, prefix: '/client/' });
  app.useStaticAssets(join(dist, 'pages', 'shared'), { ...files, prefix: '/shared/' });
  // Operators work in the console wherever Switchboard runs: it is files, every read is checked.
  servePage(app, join(dist, 'pages', 'console'), '/console/', ['/console', '/console/']);
  if (config.demo.enabled) servePage(app, join(dist, 'pages', 'demo'), '/demo/', ['/']);
}

/** A page's files under `prefix`, and its index.html at `paths`, all with the page headers. */
function servePage(
  app: NestExpressApplication,
  dir: string,
  prefix: string,
  paths: string[],
): void {
  app.useStaticAssets(dir, {
    index: false,
    maxAge: 0,
    fallthrough: true,
    prefix,
    setHeaders: pageHeaders,
  });
  for (const path of paths)
    app
      .getHttpAdapter()
      .getInstance()
      .get(path, (_req: unknown, res: Response, next: (error?: unknown) => void) => {
        pageHeaders(res);
        res.sendFile(join(dir, 'index.html'), { maxAge: 0 }, (error) => error && next());
      });
}
