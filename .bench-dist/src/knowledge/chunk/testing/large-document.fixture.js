const WORDS = ('the a of to and in is for on that with as by this be are from at or an it not which ' + 'retrieval pipeline tenant approval session vector embedding chunk window token model ' + 'operator configuration latency throughput index query passage heading document policy ' + 'Switchboard PostgreSQL realtime agent tool audit guard budget rate limit cache worker').split(' ');
/**
 * A deterministic Markdown-like document of about `chars` characters: sections of prose with
 * lists, tables and code in between, the mix an extractor hands the chunker.
 */ export function largeDocument(chars) {
    let seed = 42;
    // mulberry32: a small PRNG whose low bits, unlike an LCG's, do not cycle quickly.
    const next = (n)=>{
        seed = seed + 0x6d2b79f5 | 0;
        let t = Math.imul(seed ^ seed >>> 15, 1 | seed);
        t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
        return ((t ^ t >>> 14) >>> 0) % n;
    };
    const sentence = ()=>{
        const words = Array.from({
            length: 6 + next(20)
        }, ()=>WORDS[next(WORDS.length)]);
        const text = words.join(' ');
        return text.charAt(0).toUpperCase() + text.slice(1) + '.';
    };
    const blocks = [];
    let size = 0;
    const add = (block)=>{
        blocks.push(block);
        size += block.text.length + 2;
    };
    while(size < chars){
        add({
            kind: 'heading',
            depth: 1 + next(3),
            text: sentence().slice(0, 40)
        });
        for(let i = 0, n = 2 + next(6); i < n; i++){
            const roll = next(10);
            const lines = Array.from({
                length: 3 + next(12)
            }, sentence);
            if (roll < 6) add({
                kind: 'paragraph',
                text: lines.slice(0, 2 + next(8)).join(' ')
            });
            else if (roll < 8) add({
                kind: 'list',
                text: lines.map((l)=>`- ${l}`).join('\n')
            });
            else if (roll < 9) add({
                kind: 'table',
                text: lines.map((l)=>l.split(' ').slice(0, 4).join(' | ')).join('\n')
            });
            else add({
                kind: 'code',
                text: lines.map((l, k)=>`${'  '.repeat(k % 3)}${l.replace(/ /g, '_')}();`).join('\n')
            });
        }
    }
    return {
        format: 'markdown',
        blocks
    };
}

//# sourceMappingURL=large-document.fixture.js.map