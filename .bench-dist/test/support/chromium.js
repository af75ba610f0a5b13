import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Whether Debian's Chromium is installed; browser tests say so and skip when it is not. */ export function chromiumAvailable() {
    const available = existsSync(CHROMIUM_PATH);
    if (!available) {
        process.stderr.write(`\nSKIPPED browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)\n`);
    }
    return available;
}
/**
 * Headless Chromium with a fake microphone playing `wavPath`. The background-networking flags keep
 * it from calling out on this closed network.
 */ export async function launchChromium(wavPath) {
    return chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--use-fake-ui-for-media-stream',
            '--use-fake-device-for-media-stream',
            ...wavPath ? [
                `--use-file-for-fake-audio-capture=${wavPath}`
            ] : []
        ]
    });
}

//# sourceMappingURL=chromium.js.map