/** A pino destination that keeps every line in memory, parsed, so tests can assert on logs. */ export class LogCapture {
    write(line) {
        for (const part of line.split('\n').filter(Boolean)){
            this.lines.push(JSON.parse(part));
        }
    }
    /** Lines whose serialized form contains `text`. */ containing(text) {
        return this.lines.filter((line)=>JSON.stringify(line).includes(text));
    }
    constructor(){
        this.lines = [];
    }
}

//# sourceMappingURL=log-capture.js.map