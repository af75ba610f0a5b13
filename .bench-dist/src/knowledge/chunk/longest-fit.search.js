/**
 * The largest `n` in `[1, max]` for which `fits(n)` holds, or 0 when not even `fits(1)` does.
 * `fits` is a real token count, so each probe costs a tokenizer call: the search starts at
 * `guess` (the previous piece's length is usually close), steps away in doubling steps until
 * the answer is bracketed, then bisects. It stops within 1/32 of the longest fit: a slightly
 * short piece is harmless, a dozen extra counts per piece of a megabyte of base64 is not.
 * Only lengths that were counted and fit are ever returned.
 */ export function longestFit(max, guess, fits) {
    if (max < 1) return 0;
    let [lo, hi] = bracket(max, Math.min(max, Math.max(1, Math.round(guess))), fits);
    while(hi - lo > Math.max(1, lo >> 5)){
        const mid = lo + hi >> 1;
        if (fits(mid)) lo = mid;
        else hi = mid;
    }
    return lo;
}
// Returns [lo, hi] with fits(lo) (or lo = 0) and not fits(hi) (or hi = max + 1).
function bracket(max, start, fits) {
    let step = Math.max(1, start >> 3);
    if (fits(start)) {
        let lo = start;
        while(lo < max){
            const next = Math.min(max, lo + step);
            if (!fits(next)) return [
                lo,
                next
            ];
            lo = next;
            step *= 2;
        }
        return [
            lo,
            max + 1
        ];
    }
    let hi = start;
    while(hi > 1){
        const next = Math.max(1, hi - step);
        if (fits(next)) return [
            next,
            hi
        ];
        hi = next;
        step *= 2;
    }
    return [
        0,
        hi
    ];
}

//# sourceMappingURL=longest-fit.search.js.map