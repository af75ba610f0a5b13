import { decodeEntities, htmlSnippetText } from './markup-text.js';
/** Plain text of inline Markdown: emphasis dropped, links and images give their text. */ export function inlinePlain(source) {
    if (source.tokens?.length) return tokensPlain(source.tokens);
    return rawPlain(source.text ?? '');
}
function tokensPlain(tokens) {
    let out = '';
    for (const token of tokens)out += tokenPlain(token);
    return out;
}
function tokenPlain(token) {
    switch(token.type){
        case 'text':
            return token.tokens?.length ? tokensPlain(token.tokens) : decodeEntities(token.text);
        case 'escape':
        case 'codespan':
            return token.text;
        case 'strong':
        case 'em':
        case 'del':
        case 'link':
        case 'image':
            return token.tokens?.length ? tokensPlain(token.tokens) : decodeEntities(token.text);
        case 'br':
            return '\n';
        case 'html':
            return htmlSnippetText(token.text);
        default:
            return '';
    }
}
// Text marked was not asked to lex inline (too long, or over the time budget): links keep their
// text and the common emphasis markers go, in linear time.
function rawPlain(text) {
    return decodeEntities(text.replace(/!?\[([^\][\n]*)\]\([^()\s]*\)/g, '$1').replace(/\*\*|__|`+/g, '').replace(/<\/?[a-zA-Z][^<>]*>/g, ''));
}

//# sourceMappingURL=markdown-inline.js.map