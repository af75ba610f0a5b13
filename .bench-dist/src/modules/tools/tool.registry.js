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
import { Injectable } from '@nestjs/common';
import { closest, distance } from 'fastest-levenshtein';
import { ToolMessages } from './tool.messages.js';
export class ToolRegistry {
    /** Adds a tool; a second tool with the same name is a boot error. */ register(tool) {
        const existing = this.tools.get(tool.name);
        if (existing) throw new Error(ToolMessages.duplicateName(tool.name, existing.providerName, tool.providerName));
        this.tools.set(tool.name, tool);
    }
    get(name) {
        return this.tools.get(name);
    }
    has(name) {
        return this.tools.has(name);
    }
    all() {
        return [
            ...this.tools.values()
        ].sort((a, b)=>a.name.localeCompare(b.name));
    }
    names() {
        return this.all().map((tool)=>tool.name);
    }
    /** The registered name closest to a misspelt one, if it is plausibly what was meant. */ suggest(name) {
        const names = this.names();
        if (names.length === 0) return undefined;
        const candidate = closest(name, names);
        return distance(name, candidate) <= Math.max(2, Math.floor(name.length / 3)) ? candidate : undefined;
    }
    constructor(){
        this.tools = new Map();
    }
}
ToolRegistry = _ts_decorate([
    Injectable()
], ToolRegistry);

//# sourceMappingURL=tool.registry.js.map