/**
 * Wraps a `TokenCounter` for one document: `content` is a piece's tokens without the special
 * tokens the model adds once per input, so pieces can be summed into an estimate of a chunk.
 * Piece counts are memoised (table headers, code lines and words repeat); `count` never is,
 * because it verifies assembled chunks that are unique.
 */ export class TokenMeter {
    constructor(counter){
        this.counter = counter;
        this.memo = new Map();
        this.window = counter.window;
        this.overhead = counter.count('');
    }
    count(text) {
        return this.counter.count(text);
    }
    content(text) {
        let tokens = this.memo.get(text);
        if (tokens === undefined) {
            tokens = Math.max(0, this.counter.count(text) - this.overhead);
            this.memo.set(text, tokens);
        }
        return tokens;
    }
    /** Whether `text` alone, as the model reads it, fits the window. */ fits(text) {
        return this.counter.count(text) <= this.window;
    }
}

//# sourceMappingURL=token.meter.js.map