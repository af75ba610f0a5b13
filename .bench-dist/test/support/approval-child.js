// A Switchboard replica in its own process, for the crash-recovery test: the real app from the
// build, plus effect tools that hang after writing their effect. Prints one JSON line when it
// listens ({"url"}) and one when a tool has written its effect ({"executing": key}).
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { createApp } from '../../dist/src/app.factory.js';
import { loadConfig } from '../../dist/src/config/load-config.js';
import { Tool } from '../../dist/src/modules/tools/tool.decorator.js';
import { effectTool } from './effect-tools.mjs';
const config = loadConfig(process.env);
const databaseUrl = process.env.EFFECTS_DATABASE_URL;
const schema = config.database.schema;
const say = (value)=>process.stdout.write(`${JSON.stringify(value)}\n`);
const tools = [
    true,
    false
].map((idempotent)=>effectTool({
        Tool,
        name: idempotent ? 'effect_idempotent' : 'effect_once',
        idempotent,
        hangMs: 60_000,
        databaseUrl,
        schema,
        onEffect: (key)=>say({
                executing: key
            })
    }));
let EffectToolsModule = class EffectToolsModule {
};
Module({
    providers: tools
})(EffectToolsModule);
const embedded = config.database.url ? undefined : {
    url: databaseUrl,
    close: async ()=>undefined
};
const app = await createApp(config, {
    embedded,
    imports: [
        EffectToolsModule
    ]
});
await app.listen(0, '127.0.0.1');
say({
    url: await app.getUrl()
});

//# sourceMappingURL=approval-child.js.map