/** The public face of the web module: the browser client and the demo page, as static files. */
export { serveWebAssets } from './web-assets.js';
