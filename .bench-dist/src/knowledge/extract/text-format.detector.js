// Enough lines to judge by; the rest of a long file cannot change the verdict much.
const SAMPLE_CHARS = 64 * 1024;
const MAX_LINE_CHARS = 500;
const HTML_ROOT = /^<(?:!doctype\s+html|html[\s>])/i;
const LEADING_NOISE = /^(?:\s+|<\?xml[^>]*>|<!--[\s\S]*?-->)+/;
const HTML_TAG = /<\/?(?:p|div|span|h[1-6]|ul|ol|li|table|tr|td|th|section|article|main|header|footer|nav|aside|blockquote|pre|body|head|title|br|hr|a|img|strong|em|b|i|form|meta|link|script|style)\b[^>]*>/i;
// Markdown signals: a strong one almost never appears in plain text, weak ones sometimes do.
const STRONG_MARKDOWN = [
    /^#{1,6}[ \t]+\S/,
    /^ {0,3}(?:`{3,}|~{3,})/,
    /^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*\|/,
    /\[[^\]\n]+\]\([^)\s]+(?:\s+"[^"\n]*")?\)/,
    /^ {0,3}\[[^\]\n]+\]:[ \t]+\S/
];
const WEAK_MARKDOWN = [
    /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S/,
    /^ {0,3}>/,
    /(?:\*\*|__)\S[^\n]*?\S?(?:\*\*|__)/,
    /`[^`\n]+`/,
    /^ {0,3}(?:=+|-{2,})[ \t]*$/
];
/** HTML, Markdown or plain text, judged by the content (the first 64 KiB of it). */ export function detectTextFormat(text) {
    const sample = text.slice(0, SAMPLE_CHARS);
    // Long lines are cut so that no pattern can go quadratic on a hostile one.
    const lines = sample.split('\n').filter((line)=>line.trim()).map((line)=>line.slice(0, MAX_LINE_CHARS));
    const markdown = lines.map(markdownWeight);
    if (looksLikeHtml(sample, lines, markdown)) return 'html';
    return markdown.reduce((sum, weight)=>sum + weight, 0) >= 2 ? 'markdown' : 'text';
}
function looksLikeHtml(sample, lines, markdown) {
    const start = sample.replace(LEADING_NOISE, '');
    if (HTML_ROOT.test(start)) return true;
    const htmlLines = lines.filter((line)=>HTML_TAG.test(line)).length;
    const markdownLines = markdown.filter((weight)=>weight > 0).length;
    if (htmlLines === 0 || htmlLines <= 2 * markdownLines) return false;
    // A fragment that opens with a tag, or text where tags fill a real share of the lines.
    return start.startsWith('<') || htmlLines / lines.length >= 0.3;
}
function markdownWeight(line) {
    if (STRONG_MARKDOWN.some((re)=>re.test(line))) return 2;
    return WEAK_MARKDOWN.some((re)=>re.test(line)) ? 1 : 0;
}

//# sourceMappingURL=text-format.detector.js.map