import { getDocumentProxy } from 'unpdf';
import { DomainError } from '../../common/errors/domain.error.js';
import { collapseWhitespace } from './block-text.js';
import { PdfCorruptError, PdfEncryptedError, PdfNoTextError, PdfTooManyPagesError } from './extraction.errors.js';
import { pageText } from './pdf-page-text.js';
import { plainTextBlocks } from './plain-text.extractor.js';
import { withoutControls } from './text-heuristics.js';
/**
 * The text of a PDF page by page (each block carries its page), refused when locked, damaged,
 * over `maxPages` (checked before any text is read) or without a text layer. The title is the
 * document's metadata Title.
 */ export async function extractPdf(bytes, limits, name) {
    const pdf = await openPdf(bytes, name);
    try {
        const pages = pdf.numPages;
        if (pages > limits.maxPages) throw new PdfTooManyPagesError(pages, limits.maxPages, name);
        const blocks = [];
        for(let page = 1; page <= pages; page++)blocks.push(...await pageBlocks(pdf, page, name));
        if (!blocks.length) throw new PdfNoTextError(pages, name);
        const title = await metadataTitle(pdf);
        return {
            format: 'pdf',
            ...title ? {
                title
            } : {},
            blocks,
            pages
        };
    } finally{
        await pdf.destroy().catch(()=>undefined);
    }
}
async function openPdf(bytes, name) {
    try {
        // pdf.js detaches the buffer it is given: hand it a copy, never the caller's bytes.
        return await getDocumentProxy(bytes.slice(), {
            verbosity: 0
        });
    } catch (error) {
        if (error?.name === 'PasswordException') {
            throw new PdfEncryptedError(name);
        }
        throw new PdfCorruptError(name);
    }
}
async function pageBlocks(pdf, number, name) {
    try {
        const page = await pdf.getPage(number);
        try {
            const content = await page.getTextContent();
            return plainTextBlocks(withoutControls(pageText(content.items)), number);
        } finally{
            page.cleanup();
        }
    } catch (error) {
        if (error instanceof DomainError) throw error;
        throw new PdfCorruptError(name);
    }
}
async function metadataTitle(pdf) {
    try {
        const { info } = await pdf.getMetadata();
        const title = info?.Title;
        const clean = typeof title === 'string' ? collapseWhitespace(withoutControls(title)) : '';
        return clean || undefined;
    } catch  {
        return undefined;
    }
}

//# sourceMappingURL=pdf.extractor.js.map