import { existsSync } from 'node:fs';
/**
 * Reads `.env` from the working directory into `process.env` if the file exists. Variables that
 * are already set win, so the real environment always overrides the file. Entry points call this
 * once, before `loadConfig`; tests never do.
 */ export function loadDotEnv(path = '.env') {
    if (existsSync(path)) process.loadEnvFile(path);
}

//# sourceMappingURL=env-file.js.map