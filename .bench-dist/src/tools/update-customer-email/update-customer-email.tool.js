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
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Tool } from '../../modules/tools/index.js';
import { CustomerNotFoundError } from '../shared/demo.errors.js';
import { UpdateCustomerEmailInput } from './update-customer-email.input.js';
export class UpdateCustomerEmailTool {
    constructor(dataSource){
        this.dataSource = dataSource;
    }
    execute({ customerId, email }, ctx) {
        return this.dataSource.transaction(async (tx)=>{
            const [current] = await tx.query(`SELECT email FROM demo_customers WHERE id = $1 AND tenant_id = $2 FOR UPDATE`, [
                customerId,
                ctx.tenantId
            ]);
            if (!current) throw new CustomerNotFoundError(customerId);
            await tx.query(`UPDATE demo_customers SET email = $2, updated_at = now() WHERE id = $1`, [
                customerId,
                email
            ]);
            return {
                customerId,
                previousEmail: current.email,
                email
            };
        });
    }
    /** Restores the old address, unless someone changed it again since (then theirs stands). */ async compensate(_input, result) {
        const [rows] = await this.dataSource.query(`UPDATE demo_customers SET email = $2, updated_at = now() WHERE id = $1 AND email = $3 RETURNING id`, [
            result.customerId,
            result.previousEmail,
            result.email
        ]);
        return {
            restored: rows.length === 1
        };
    }
}
UpdateCustomerEmailTool = _ts_decorate([
    Tool({
        name: 'update_customer_email',
        description: "Change a customer's email address after the caller has confirmed the new one.",
        input: UpdateCustomerEmailInput,
        reversibility: 'compensable',
        redact: [
            'email'
        ],
        idempotent: true
    }),
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource
    ])
], UpdateCustomerEmailTool);

//# sourceMappingURL=update-customer-email.tool.js.map