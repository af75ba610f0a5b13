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
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseNotifications } from './database-notifications.js';
import { MIGRATION_CHAINS } from './migration-chain.js';
export class DatabaseModule {
    static forRoot(dataSource, migrationChains = []) {
        return {
            exports: [
                DatabaseNotifications,
                MIGRATION_CHAINS
            ],
            global: true,
            module: DatabaseModule,
            providers: [
                DatabaseNotifications,
                {
                    provide: MIGRATION_CHAINS,
                    useValue: migrationChains
                }
            ],
            imports: [
                TypeOrmModule.forRootAsync({
                    useFactory: ()=>dataSource.options,
                    dataSourceFactory: async ()=>dataSource
                })
            ]
        };
    }
}
DatabaseModule = _ts_decorate([
    Module({})
], DatabaseModule);

//# sourceMappingURL=database.module.js.map