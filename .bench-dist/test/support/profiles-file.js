import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
/** Writes agent profiles to a fresh temporary file; returns the env that points the app at it. */ export function profilesFileEnv(profiles) {
    const path = join(mkdtempSync(join(tmpdir(), 'profiles-')), 'agents.json');
    writeFileSync(path, JSON.stringify(profiles));
    return {
        SWITCHBOARD_AGENT_PROFILES_FILE: path
    };
}

//# sourceMappingURL=profiles-file.js.map