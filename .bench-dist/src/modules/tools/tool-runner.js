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
import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain.error.js';
import { parseToolArguments } from './tool-arguments.js';
import { runWithTimeout, ToolTimedOut } from './tool-execution.js';
import { CompensationFailedError, StoredArgumentsInvalidError, ToolFailedError, ToolTimeoutError } from './tool.errors.js';
const EXECUTE = {
    kind: 'execute'
};
export class ToolRunner {
    async run(tool, input, context, phase = EXECUTE) {
        const label = phase.kind === 'execute' ? tool.name : `${tool.name} compensation`;
        try {
            return await runWithTimeout(tool.timeoutMs, label, (signal)=>{
                const ctx = {
                    ...context,
                    tenantId: context.principal.tenantId,
                    signal,
                    logger: new Logger(`tool:${tool.name}`)
                };
                if (phase.kind === 'execute') return tool.handler.execute(input, ctx);
                if (!tool.handler.compensate) throw new Error(`${tool.name} has no compensate`);
                return tool.handler.compensate(input, phase.result, ctx);
            });
        } catch (thrown) {
            throw this.asFailure(tool, phase, thrown);
        }
    }
    /** Arguments recorded earlier, checked again against the tool's input DTO as it is now. */ async storedInput(tool, stored) {
        const parsed = await parseToolArguments(tool.input, JSON.stringify(stored));
        if (!parsed.ok) throw new StoredArgumentsInvalidError(tool.name);
        return parsed.input;
    }
    asFailure(tool, phase, thrown) {
        if (thrown instanceof ToolTimedOut) return new ToolTimeoutError(tool.name, tool.timeoutMs);
        if (thrown instanceof DomainError) return thrown;
        this.logger.error({
            tool: tool.name,
            phase: phase.kind,
            err: thrown?.message
        }, phase.kind === 'execute' ? 'A tool failed' : 'A compensation failed');
        return phase.kind === 'execute' ? new ToolFailedError(tool.name) : new CompensationFailedError(tool.name);
    }
    constructor(){
        this.logger = new Logger(ToolRunner.name);
    }
}
ToolRunner = _ts_decorate([
    Injectable()
], ToolRunner);

//# sourceMappingURL=tool-runner.js.map