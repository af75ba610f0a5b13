import PDFDocument from 'pdfkit';
/** A 1×1 PNG: enough for pdfkit to draw, and the 67 bytes of a real PNG file. */ export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
/** The bytes pdfkit writes for `draw`, made in memory. */ export function makePdf(options, draw) {
    return new Promise((resolve, reject)=>{
        const doc = new PDFDocument(options);
        const chunks = [];
        doc.on('data', (chunk)=>chunks.push(chunk));
        doc.on('end', ()=>resolve(new Uint8Array(Buffer.concat(chunks))));
        doc.on('error', reject);
        draw(doc);
        doc.end();
    });
}
/** One page per entry; each page has a 20 pt heading and 12 pt paragraphs a blank line apart. */ export function textPdf(pages, options = {}) {
    return makePdf(options, (doc)=>{
        pages.forEach((page, i)=>{
            if (i > 0) doc.addPage();
            doc.fontSize(20).text(page.heading);
            doc.fontSize(12);
            for (const paragraph of page.paragraphs)doc.text(paragraph).moveDown();
        });
    });
}
/** `count` pages of filler text, for timing. */ export function longPdf(count) {
    const paragraph = 'The refund desk answers within two business days. Customers may return unused items within thirty days of delivery for a full refund, opened items for store credit.';
    return textPdf(Array.from({
        length: count
    }, (_, i)=>({
            heading: `Section ${i + 1}`,
            paragraphs: [
                paragraph,
                paragraph,
                paragraph,
                paragraph,
                paragraph
            ]
        })));
}
/** A scan: one page holding only an image, no text layer. */ export function imageOnlyPdf() {
    return makePdf({}, (doc)=>doc.image(TINY_PNG, 50, 50, {
            width: 300
        }));
}
/** AES-256 with a user password: pdf.js cannot open it without "u". */ export function passwordPdf() {
    return makePdf({
        userPassword: 'u',
        ownerPassword: 'o',
        pdfVersion: '1.7ext3'
    }, (doc)=>doc.text('Secret refund policy.'));
}

//# sourceMappingURL=pdf.fixtures.js.map