import { fileTypeFromBuffer } from 'file-type';
import { describeFileType } from './content-names.js';
import { UnsupportedContentError, Utf16WithoutBomError } from './extraction.errors.js';
import { MAX_CONTROL_SHARE, controlShare, tryDecode } from './text-heuristics.js';
const HEAD_BYTES = 8192;
// pdf.js (like Acrobat) accepts a header anywhere in the first KiB.
const PDF_HEADER_WINDOW = 1024;
// Text formats file-type names that we still refuse. Any other signature found in clean text is a
// coincidence: "BMW …" starts like a BMP, "solid …" like an STL model.
const REFUSED_TEXT_TYPES = new Set([
    'rtf',
    'ps',
    'eps',
    'pgp',
    'xml'
]);
/**
 * Tells PDF from text and refuses everything else, following docs knowledge-stack §4: a BOM
 * first (file-type calls UTF-16 with a BOM audio), then file-type on the first 8 KiB, then NUL
 * bytes (BOM-less UTF-16 is refused, other NULs mean binary). Text validity is the decoder's job.
 */ export async function sniffContent(bytes, name) {
    const bom = bomEncoding(bytes);
    if (bom) return {
        kind: 'text',
        encoding: bom
    };
    const head = bytes.subarray(0, HEAD_BYTES);
    if (hasPdfHeader(head)) return {
        kind: 'pdf'
    };
    const hasNul = head.includes(0);
    const headText = hasNul ? undefined : tryDecode(head, 'utf-8', true);
    const clean = headText !== undefined && controlShare(headText) <= MAX_CONTROL_SHARE;
    const type = await detectFileType(head);
    if (type && (!clean || refusedAsText(type, headText))) {
        throw new UnsupportedContentError(describeFileType(type), name);
    }
    if (hasNul) {
        const endianness = bomlessUtf16(head);
        if (endianness) throw new Utf16WithoutBomError(endianness, name);
        throw new UnsupportedContentError('binary data', name);
    }
    return {
        kind: 'text',
        encoding: 'utf-8'
    };
}
function bomEncoding(bytes) {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
    return undefined;
}
function hasPdfHeader(head) {
    const window = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, PDF_HEADER_WINDOW));
    return window.includes('%PDF-', 0, 'latin1');
}
async function detectFileType(head) {
    try {
        return await fileTypeFromBuffer(head);
    } catch  {
        // Its container parsers can trip over a head cut off mid-structure; that is "unknown".
        return undefined;
    }
}
function refusedAsText(type, headText) {
    if (!REFUSED_TEXT_TYPES.has(type.ext)) return false;
    return !(type.ext === 'xml' && headText !== undefined && /<html[\s>]/i.test(headText));
}
/** ASCII-range UTF-16 puts a NUL in every other byte: >30 % on one side, <5 % on the other. */ function bomlessUtf16(head) {
    const even = head.length - (head.length >> 1);
    const odd = head.length >> 1;
    let evenNuls = 0;
    let oddNuls = 0;
    for(let i = 0; i < head.length; i++){
        if (head[i] === 0) {
            if (i % 2 === 0) evenNuls++;
            else oddNuls++;
        }
    }
    const evenShare = evenNuls / even;
    const oddShare = odd ? oddNuls / odd : 0;
    const whole = head.subarray(0, head.length & ~1);
    if (oddShare > 0.3 && evenShare < 0.05 && isCleanText(whole, 'utf-16le')) return 'little';
    if (evenShare > 0.3 && oddShare < 0.05 && isCleanText(whole, 'utf-16be')) return 'big';
    return undefined;
}
function isCleanText(bytes, encoding) {
    const text = tryDecode(bytes, encoding, true);
    return text !== undefined && controlShare(text) <= MAX_CONTROL_SHARE;
}

//# sourceMappingURL=content-sniffer.js.map