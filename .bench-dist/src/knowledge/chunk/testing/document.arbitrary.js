import fc from 'fast-check';
const VOCABULARY = [
    ...[
        'the',
        'a',
        'retrieval',
        'pipeline',
        'Switchboard',
        'approval',
        'tenant',
        'vector',
        'of'
    ],
    ...[
        'configuration',
        'e.g.',
        'U.S.',
        'naïve',
        'café',
        'Zürich',
        '中文字符',
        '😀',
        "don't"
    ],
    ...[
        '(see',
        'below)',
        '12,345',
        '3.14',
        '—',
        '"quoted"',
        'x',
        'HTTP/2',
        'user@example.com'
    ]
];
const SPACES = [
    ' ',
    ' ',
    ' ',
    ' ',
    '  ',
    '\t',
    '\n',
    ' \u00a0'
];
const LONG_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=%-_';
const word = fc.oneof({
    weight: 6,
    arbitrary: fc.constantFrom(...VOCABULARY)
}, {
    weight: 2,
    arbitrary: fc.stringMatching(/^[A-Za-z0-9]{1,14}$/)
});
const space = fc.constantFrom(...SPACES);
/** A URL- or base64-like run with no spaces, a few hundred characters long at most. */ export const longWord = fc.array(fc.constantFrom(...LONG_ALPHABET), {
    minLength: 40,
    maxLength: 700
}).map((chars)=>`https://x.io/${chars.join('')}`);
const sentence = fc.tuple(fc.array(fc.tuple(word, space), {
    minLength: 1,
    maxLength: 24
}), fc.constantFrom('.', '.', '!', '?', '', ';', '…'), fc.boolean()).map(([pairs, end, capital])=>{
    const text = pairs.map(([w, s])=>w + s).join('').trim() + end;
    return capital ? text.charAt(0).toUpperCase() + text.slice(1) : text;
});
const paragraphText = fc.tuple(fc.array(sentence, {
    minLength: 1,
    maxLength: 14
}), fc.option(longWord, {
    freq: 6
})).map(([parts, long])=>(long ? [
        ...parts,
        long
    ] : parts).join(' '));
const heading = fc.tuple(fc.integer({
    min: 1,
    max: 4
}), fc.array(word, {
    minLength: 1,
    maxLength: 6
})).map(([depth, ws])=>({
        kind: 'heading',
        depth,
        text: ws.join(' ')
    }));
const list = fc.array(fc.tuple(fc.constantFrom('- ', '* ', '1. ', ''), sentence), {
    minLength: 1,
    maxLength: 18
}).map((items)=>({
        kind: 'list',
        text: items.map(([m, s])=>m + s).join('\n')
    }));
const cells = fc.array(fc.array(word, {
    minLength: 1,
    maxLength: 3
}), {
    minLength: 1,
    maxLength: 4
});
const table = fc.tuple(cells, fc.boolean(), fc.array(cells, {
    minLength: 1,
    maxLength: 20
})).map(([header, rule, rows])=>{
    const line = (row)=>row.map((cell)=>cell.join(' ')).join(' | ');
    const ruleRow = rule ? [
        header.map(()=>'---').join(' | ')
    ] : [];
    return {
        kind: 'table',
        text: [
            line(header),
            ...ruleRow,
            ...rows.map(line)
        ].join('\n')
    };
});
const code = fc.array(fc.tuple(fc.integer({
    min: 0,
    max: 3
}), fc.array(word, {
    minLength: 0,
    maxLength: 8
})), {
    minLength: 1,
    maxLength: 24
}).map(([...lines])=>({
        kind: 'code',
        text: lines.map(([indent, ws])=>'  '.repeat(indent) + ws.join(' ') + ';').join('\n')
    }));
const block = fc.oneof({
    weight: 3,
    arbitrary: heading
}, {
    weight: 6,
    arbitrary: paragraphText.map((text)=>({
            kind: 'paragraph',
            text
        }))
}, {
    weight: 1,
    arbitrary: paragraphText.map((text)=>({
            kind: 'quote',
            text
        }))
}, {
    weight: 2,
    arbitrary: list
}, {
    weight: 2,
    arbitrary: table
}, {
    weight: 1,
    arbitrary: code
});
/** Random documents of headings, paragraphs, quotes, lists, tables, code and long words. */ export function documentArbitrary(maxBlocks = 24) {
    return fc.tuple(fc.array(block, {
        maxLength: maxBlocks
    }), fc.boolean(), fc.boolean()).map(([blocks, paged, titled])=>{
        // Like an extractor's title from the first `#` heading.
        const title = titled ? blocks.find((b)=>b.kind === 'heading')?.text : undefined;
        return {
            format: paged ? 'pdf' : 'markdown',
            ...title === undefined ? {} : {
                title
            },
            blocks: paged ? blocks.map((b, i)=>({
                    ...b,
                    page: 1 + Math.floor(i / 3)
                })) : blocks
        };
    });
}

//# sourceMappingURL=document.arbitrary.js.map