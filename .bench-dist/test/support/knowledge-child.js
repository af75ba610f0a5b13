// A Switchboard replica in its own process, for the ingestion crash test: the real app from the
// build with its ingestion worker on. Prints one JSON line when it listens ({"url", "workerId"}).
import 'reflect-metadata';
import { createApp } from '../../dist/src/app.factory.js';
import { loadConfig } from '../../dist/src/config/load-config.js';
import { IngestionWorker } from '../../dist/src/modules/knowledge/ingestion-worker.js';
const config = loadConfig(process.env);
const embedded = config.database.url ? undefined : {
    url: process.env.CHILD_DATABASE_URL,
    close: async ()=>undefined
};
const app = await createApp(config, {
    embedded
});
await app.listen(0, '127.0.0.1');
const workerId = app.get(IngestionWorker).workerId;
process.stdout.write(`${JSON.stringify({
    url: await app.getUrl(),
    workerId
})}\n`);

//# sourceMappingURL=knowledge-child.js.map