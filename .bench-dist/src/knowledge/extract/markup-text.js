const NAMED = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: ' ',
    copy: '©',
    reg: '®',
    trade: '™',
    hellip: '…',
    mdash: '—',
    ndash: '–',
    lsquo: '‘',
    rsquo: '’',
    ldquo: '“',
    rdquo: '”',
    laquo: '«',
    raquo: '»',
    euro: '€',
    middot: '·',
    bull: '•',
    times: '×',
    deg: '°'
};
/**
 * Decodes the character references people type into Markdown (numeric ones and the common named
 * ones); an unknown name is left as written.
 */ export function decodeEntities(text) {
    if (!text.includes('&')) return text;
    return text.replace(/&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([a-zA-Z]{2,8}));/g, (whole, dec, hex, name)=>{
        if (name) return NAMED[name] ?? whole;
        const code = dec ? Number(dec) : parseInt(hex, 16);
        return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    });
}
// Scripts, styles, comments, processing instructions and declarations carry no readable text.
const OPAQUE_HTML = /^\s*<(?:script|style|textarea|!|\?)/i;
/**
 * The text of raw HTML inside Markdown: opaque blocks (script, style, comments) give nothing,
 * other tags are removed.
 */ export function htmlSnippetText(html) {
    if (OPAQUE_HTML.test(html)) return '';
    // [^<>] keeps each attempt short, so a run of unclosed "<a" stays linear.
    return decodeEntities(html.replace(/<\/?[a-zA-Z][^<>]*>/g, ' '));
}

//# sourceMappingURL=markup-text.js.map