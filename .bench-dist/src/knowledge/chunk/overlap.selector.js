import { longestFit } from './longest-fit.search.js';
/**
 * The trailing parts of a chunk to repeat at the start of the next one: as many whole parts
 * (sentences, items, lines) as fit in `budget` tokens; when not even the last one fits, its
 * last words, measured by counting. A split table (`tableRow` given) carries whole rows of
 * its own only: a cut row under a repeated header would read as a row of its own.
 */ export function selectOverlap(parts, budget, meter, tableRow) {
    if (budget <= 0) return [];
    const tail = [];
    let tokens = 0;
    for(let i = parts.length - 1; i >= 0; i--){
        const part = parts[i];
        if (tableRow && !tableRow(part) || tokens + part.tokens > budget) break;
        tail.unshift(part);
        tokens += part.tokens;
    }
    const last = parts[parts.length - 1];
    if (tail.length > 0 || !last || tableRow) return tail;
    return lastWords(last, budget, meter);
}
function lastWords(part, budget, meter) {
    const words = part.text.split(/\s+/);
    const suffix = (n)=>words.slice(words.length - n).join(' ');
    const counted = new Map();
    const fits = (n)=>{
        const tokens = meter.count(suffix(n)) - meter.overhead;
        counted.set(n, tokens);
        return tokens <= budget;
    };
    // Words run about 1.3 tokens each in English; the guess only saves probes.
    const n = longestFit(words.length - 1, Math.round(budget / 1.3), fits);
    if (n === 0) return [];
    return [
        {
            ...part,
            text: suffix(n),
            tokens: counted.get(n)
        }
    ];
}

//# sourceMappingURL=overlap.selector.js.map