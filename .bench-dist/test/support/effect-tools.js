// Tools that leave one row per idempotency key in `fixture_effects`, then optionally hang: the
// crash-recovery test runs them in a child process it kills mid-execution. Plain JavaScript (the
// child runs without a compiler), so decorators are applied as functions.
import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { IsString, MaxLength } from 'class-validator';
import pg from 'pg';
export class EffectInput {
}
IsString()(EffectInput.prototype, 'label');
MaxLength(40)(EffectInput.prototype, 'label');
/**
 * Builds a tool class: `hangMs` > 0 makes it hang after writing its effect. `Tool` is passed in:
 * the decorator must be the same module instance the app's explorer uses (the build's in the
 * child, the sources' under Jest).
 */ export function effectTool({ Tool, name, idempotent, hangMs, databaseUrl, schema, onEffect }) {
    let EffectTool = class EffectTool {
        async execute(input, ctx) {
            const client = new pg.Client({
                connectionString: databaseUrl
            });
            await client.connect();
            try {
                await client.query(`INSERT INTO "${schema}".fixture_effects (key, tool, label) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING`, [
                    ctx.idempotencyKey,
                    name,
                    input.label
                ]);
            } finally{
                await client.end();
            }
            onEffect?.(ctx.idempotencyKey);
            if (hangMs > 0) await sleep(hangMs);
            return {
                done: input.label
            };
        }
    };
    Object.defineProperty(EffectTool, 'name', {
        value: `EffectTool_${name}`
    });
    Tool({
        name,
        description: 'Writes one effect row per idempotency key.',
        input: EffectInput,
        roles: [
            'fixture_runner'
        ],
        approval: true,
        idempotent,
        timeoutMs: 3_000
    })(EffectTool);
    Injectable()(EffectTool);
    return EffectTool;
}

//# sourceMappingURL=effect-tools.js.map