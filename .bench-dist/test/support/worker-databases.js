/**
 * How e2e test files get a database. With DATABASE_URL (npm run test:pg) every file shares that
 * server. Without it, global setup starts one embedded PGlite per Jest worker in the parent process
 * (each takes seconds to initialise, so never one per file) and publishes their URLs here; a worker
 * runs its files one after another, matching PGlite's single connection. Either way each test file
 * works in a fresh schema of its own, so files never see each other's rows.
 */ export const PGLITE_URLS_ENV = 'SWITCHBOARD_TEST_PGLITE_URLS';
export function workerEmbeddedUrl() {
    const urls = process.env[PGLITE_URLS_ENV]?.split(',').filter(Boolean) ?? [];
    if (urls.length === 0) return undefined;
    const worker = Number(process.env.JEST_WORKER_ID ?? '1');
    return urls[(worker - 1) % urls.length];
}

//# sourceMappingURL=worker-databases.js.map