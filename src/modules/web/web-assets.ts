import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Response } from 'express';

import type { AppConfig } from '../../config/app-config.js';
import { packageRoot } from './package-root.js';

/**
 * The demo page may load only what this server serves; its audio goes over WebRTC, which CSP
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

/** The demo page's headers, on every file of it (its HTML is reachable under /demo/ too). */
function demoHeaders(res: Response): void {
  noSniff(res);
  res.setHeader('content-security-policy', DEMO_PAGE_CSP);
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
}

/**
 * Serves what the build put in `dist/`: the browser client at `/client/switchboard.js` (always:
 * any page may use it) and, while the demo shop is on, the demo page at `/` with its files under
 * `/demo/`. Files are revalidated on every load (ETag), so a new build is picked up at once.
 */
export function serveWebAssets(app: NestExpressApplication, config: AppConfig): void {
  const dist = join(packageRoot(), 'dist');
  const clientDir = join(dist, 'client');
  if (!existsSync(join(clientDir, 'switchboard.js')))
    new Logger('WebAssets').warn(
      { clientDir },
      'The browser client is not built, so /client/switchboard.js and the demo page answer 404: run `npm run build`.',
    );
  const files = { index: false, maxAge: 0, fallthrough: true, setHeaders: noSniff } as const;
  app.useStaticAssets(clientDir, { ...files, prefix: '/client/' });
  if (!config.demo.enabled) return;
  const demoDir = join(dist, 'pages', 'demo');
  app.useStaticAssets(demoDir, { ...files, prefix: '/demo/', setHeaders: demoHeaders });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/', (_req: unknown, res: Response, next: (error?: unknown) => void) => {
      demoHeaders(res);
      res.sendFile(join(demoDir, 'index.html'), { maxAge: 0 }, (error) => error && next());
    });
}
