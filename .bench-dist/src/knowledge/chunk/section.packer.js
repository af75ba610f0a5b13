import { sumTokens } from './chunk-part.types.js';
import { selectOverlap } from './overlap.selector.js';
/**
 * Packs the blocks of one section (the text between two headings) into chunks. A block that
 * fits the open chunk joins it; one that fits a chunk of its own starts one; a longer one is
 * streamed part by part (a long paragraph first fills the open chunk). A new chunk starts with
 * the previous one's trailing parts as overlap, and a split table's with its header row, as
 * long as that keeps it within the target.
 */ export class SectionPacker {
    constructor(frame, budget, assembler, meter){
        this.frame = frame;
        this.budget = budget;
        this.assembler = assembler;
        this.meter = meter;
        this.open = [];
        this.openTokens = 0;
        // Leading parts of `open` that are context: a repeated header (0 or 1), then overlap.
        this.header = 0;
        this.overlap = 0;
        this.nextCarry = [];
    }
    add(group) {
        if (this.hasNew() && this.room(group.tokens)) return this.appendAll(group);
        const whole = group.tokens <= (group.atomic ? this.budget.limit : this.budget.target);
        // A long paragraph may finish the open chunk; a long list or table starts its own.
        if (this.hasNew() && (whole || group.atomic)) this.flush();
        if (whole) this.appendAll(group);
        else this.stream(group);
    }
    /** Emits what is left; overlap never crosses into the next section. */ finish() {
        // A flush may hand back parts the window could not take; they open the next chunk.
        while(this.hasNew())this.flush();
        this.nextCarry = [];
        this.nextHeader = undefined;
    }
    hasNew() {
        return this.open.length > this.header + this.overlap;
    }
    // A chunk that would go out as mostly overlap gives up its overlap to make room instead, so
    // a short paragraph ("Pitfalls:") goes with the list after it rather than on its own.
    room(need) {
        if (this.openTokens + need <= this.budget.target) return true;
        const carried = this.open.slice(this.header, this.header + this.overlap);
        const carriedTokens = sumTokens(carried);
        const fresh = this.openTokens - carriedTokens - sumTokens(this.open.slice(0, this.header));
        if (fresh >= carriedTokens || this.openTokens - carriedTokens + need > this.budget.target) {
            return false;
        }
        this.open.splice(this.header, this.overlap);
        this.openTokens -= carriedTokens;
        this.overlap = 0;
        return true;
    }
    appendAll(group) {
        this.begin(group.tokens);
        for (const part of group.parts)this.push(part);
    }
    stream(group) {
        const { header, parts } = group;
        for (const part of parts){
            // A header row goes to the chunk its first row goes to, and is never left alone.
            const need = part === header ? part.tokens + (parts[1]?.tokens ?? 0) : part.tokens;
            const afterHeader = header !== undefined && this.open.at(-1) === header;
            if (!afterHeader && this.hasNew() && !this.room(need)) {
                if (header && part !== header) {
                    this.flush(header, (p)=>p.block === part.block && p !== header);
                } else {
                    this.flush();
                }
            }
            this.begin(part.tokens);
            this.push(part);
        }
    }
    append(part) {
        if (this.hasNew() && !this.room(part.tokens)) this.flush();
        this.begin(part.tokens);
        this.push(part);
    }
    // Context is a courtesy: it is only added while the chunk stays within the target.
    begin(next) {
        if (this.open.length > 0) return;
        const header = this.nextHeader ? [
            this.nextHeader
        ] : [];
        for (const context of [
            [
                ...header,
                ...this.nextCarry
            ],
            header
        ]){
            const tokens = sumTokens(context);
            if (context.length > 0 && tokens + next <= this.budget.target) {
                this.open = [
                    ...context
                ];
                this.openTokens = tokens;
                this.header = header.length;
                this.overlap = context.length - header.length;
                break;
            }
        }
        this.nextCarry = [];
        this.nextHeader = undefined;
    }
    push(part) {
        this.open.push(part);
        this.openTokens += part.tokens;
    }
    flush(header, tableRow) {
        const parts = this.open;
        const context = this.header + this.overlap;
        this.open = [];
        this.openTokens = 0;
        this.header = 0;
        this.overlap = 0;
        if (parts.length === context) return;
        const { emitted, rest } = this.assembler.emit(this.frame, parts, context);
        this.nextCarry = selectOverlap(emitted, this.budget.overlap, this.meter, tableRow);
        this.nextHeader = header;
        for (const part of rest)this.append(part);
    }
}

//# sourceMappingURL=section.packer.js.map