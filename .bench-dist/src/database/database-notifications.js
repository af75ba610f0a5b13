function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { AppConfig } from '../config/app-config.js';
export class DatabaseNotifications {
    constructor(config, dataSource){
        this.config = config;
        this.logger = new Logger(DatabaseNotifications.name);
        this.handlers = new Map();
        this.closed = false;
        /** Embedded database: notices sent inside a transaction, delivered when it commits. */ this.pending = new WeakMap();
        dataSource.subscribers.push(this.transactionListener());
    }
    /** Whether notices reach other processes (PostgreSQL) or only this one (embedded). */ get crossProcess() {
        return Boolean(this.config.database.url);
    }
    channel(name) {
        return `switchboard_${name}_${this.config.database.schema}`.slice(0, 63);
    }
    /** Calls `handler` with each notice on the channel, from any replica (this one included). */ async listen(name, handler) {
        return this.listenRaw(name, (raw)=>handler(JSON.parse(raw)));
    }
    async listenRaw(name, handler) {
        const channel = this.channel(name);
        const first = !this.handlers.has(channel);
        this.handlers.set(channel, [
            ...this.handlers.get(channel) ?? [],
            handler
        ]);
        if (!first || !this.crossProcess) return;
        // LISTEN is idempotent, so a connection that was opening meanwhile may listen twice.
        await (await this.connection()).query(`LISTEN "${channel}"`);
    }
    /**
   * Sends a notice. With `tx`, it is part of that transaction: delivered when it commits, never
   * if it rolls back, on both databases.
   */ async notify(name, payload, tx) {
        const channel = this.channel(name);
        const text = JSON.stringify(payload);
        if (this.crossProcess) {
            const sql = `SELECT pg_notify($1, $2)`;
            await (tx ? tx.query(sql, [
                channel,
                text
            ]) : (await this.connection()).query(sql, [
                channel,
                text
            ]));
            return;
        }
        const runner = tx?.queryRunner;
        if (!runner?.isTransactionActive) return this.dispatch(channel, text);
        this.pending.set(runner, [
            ...this.pending.get(runner) ?? [],
            [
                channel,
                text
            ]
        ]);
    }
    /** The embedded database's side of "delivered on commit": a TypeORM transaction listener. */ transactionListener() {
        return {
            afterTransactionCommit: ({ queryRunner })=>{
                const notices = this.pending.get(queryRunner) ?? [];
                this.pending.delete(queryRunner);
                for (const [channel, text] of notices)this.dispatch(channel, text);
            },
            afterTransactionRollback: ({ queryRunner })=>void this.pending.delete(queryRunner)
        };
    }
    async onApplicationShutdown() {
        this.closed = true;
        const client = this.client;
        this.client = undefined;
        await client?.end().catch(()=>undefined);
    }
    /**
   * The listening connection, (re)opened on demand. A dropped connection is replaced and every
   * channel listened to again, so one network blip does not silence a replica until restart.
   */ connection() {
        if (this.client) return Promise.resolve(this.client);
        this.connecting ??= (async ()=>{
            try {
                const client = new pg.Client({
                    connectionString: this.config.database.url
                });
                client.on('error', (error)=>this.dropped(client, error.message));
                client.on('end', ()=>this.dropped(client, 'connection ended'));
                client.on('notification', ({ channel, payload })=>this.dispatch(channel, payload ?? ''));
                await client.connect();
                for (const channel of this.handlers.keys())await client.query(`LISTEN "${channel}"`);
                this.client = client;
                return client;
            } finally{
                this.connecting = undefined;
            }
        })();
        return this.connecting;
    }
    dropped(client, reason) {
        if (this.client !== client) return;
        this.client = undefined;
        void client.end().catch(()=>undefined);
        if (this.closed) return;
        this.logger.warn({
            reason
        }, 'The LISTEN connection dropped; reconnecting');
        const retry = (attempt)=>{
            if (this.closed || this.client) return;
            this.connection().catch((error)=>{
                this.logger.error({
                    err: error.message,
                    attempt
                }, 'Reconnecting LISTEN failed');
                setTimeout(()=>retry(attempt + 1), Math.min(30_000, 500 * 2 ** attempt)).unref();
            });
        };
        retry(0);
    }
    dispatch(channel, payload) {
        for (const handler of this.handlers.get(channel) ?? []){
            try {
                handler(payload);
            } catch (error) {
                this.logger.error({
                    channel,
                    err: error.message
                }, 'A notice handler failed');
            }
        }
    }
}
DatabaseNotifications = _ts_decorate([
    Injectable(),
    _ts_param(1, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof AppConfig === "undefined" ? Object : AppConfig,
        typeof DataSource === "undefined" ? Object : DataSource
    ])
], DatabaseNotifications);

//# sourceMappingURL=database-notifications.js.map