/** The fields of a pdf.js text item this folder reads. */ // Lines further apart than this many times the page's usual line gap start a paragraph;
// double-spaced text (gap 2 × size) stays one paragraph up to this many font sizes.
const PARAGRAPH_GAP = 1.25;
const MAX_LINE_GAP = 2.2;
// A change of font size by more than this (a heading above body text) starts one too.
const SIZE_CHANGE = 1.2;
/**
 * The text of one page from pdf.js `getTextContent().items`: items joined into lines, lines
 * grouped into paragraphs by vertical gaps and font size, paragraphs separated by a blank line.
 */ export function pageText(items) {
    const lines = linesOf(items.filter(isTextItem));
    const gaps = lines.slice(1).map((line, i)=>lines[i].y - line.y).filter((gap)=>gap > 0);
    const usual = median(gaps);
    let text = '';
    lines.forEach((line, i)=>{
        const previous = lines[i - 1];
        if (previous) text += startsParagraph(previous, line, usual) ? '\n\n' : '\n';
        text += line.text;
    });
    return text;
}
function isTextItem(item) {
    return typeof item.str === 'string' && Array.isArray(item.transform);
}
function linesOf(items) {
    const lines = [];
    let line;
    for (const item of items){
        const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
        const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
        if (line && Math.abs(y - line.y) > Math.max(size, line.size) * 0.5) line = undefined;
        if (!line) lines.push(line = {
            text: '',
            y,
            size: 0,
            endX: x
        });
        if (item.str.trim()) {
            if (needsSpace(line, item.str, x, size)) line.text += ' ';
            line.size = Math.max(line.size, size);
        }
        line.text += item.str;
        line.endX = x + (item.width || 0);
        if (item.hasEOL) line = undefined;
    }
    return lines.filter((l)=>l.text.trim()).map((l)=>({
            ...l,
            text: l.text.trim()
        }));
}
function needsSpace(line, str, x, size) {
    return line.text !== '' && !/\s$/.test(line.text) && !/^\s/.test(str) && x - line.endX > size * 0.15;
}
function startsParagraph(previous, line, usual) {
    const gap = previous.y - line.y;
    if (gap < 0) return true; // back up the page: a new column or text box
    const size = Math.max(previous.size, line.size);
    if (size / Math.min(previous.size, line.size) > SIZE_CHANGE) return true;
    const limit = usual > 0 ? Math.min(usual * PARAGRAPH_GAP + 0.5, size * MAX_LINE_GAP) : size * 1.5;
    return gap > limit;
}
function median(values) {
    if (!values.length) return 0;
    const sorted = [
        ...values
    ].sort((p, q)=>p - q);
    return sorted[sorted.length >> 1];
}

//# sourceMappingURL=pdf-page-text.js.map