import { extractDocument } from './document.extractor.js';
import { extractHtml, MAX_HTML_TAGS } from './html.extractor.js';
import { refusalOf } from './testing/extraction-refusal.js';
import { clutteredPage, largePage } from './testing/html.fixtures.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('HTML extraction', () => {
  it('keeps the main article, in blocks, and drops nav, sidebar, banner, scripts, styles and footer', async () => {
    const doc = await extractDocument({ bytes: utf8(clutteredPage()), name: 'refunds.txt' });
    expect(doc.format).toBe('html');
    expect(doc.title).toBe('Refund policy | Acme Shop');
    expect(doc.blocks).toEqual([
      {
        kind: 'paragraph',
        text: 'Customers may return any item within thirty days of delivery for a full refund. The item must be unused and in its original packaging, together with the receipt or the order number.',
      },
      { kind: 'heading', text: 'How to ask for a refund', depth: 2 },
      {
        kind: 'paragraph',
        text: 'Write to support with your order number. We answer within two business days and send a prepaid return label by e-mail, so returning costs you nothing.',
      },
      {
        kind: 'list',
        text: '- Unused items: full refund\n- Opened items: store credit\n  - within 14 days',
      },
      { kind: 'heading', text: 'Exceptions', depth: 3 },
      {
        kind: 'table',
        text: 'Item | Rule\nGift cards | No refund\nSale items | Store credit only',
      },
      { kind: 'code', text: 'POST /refunds\n  {"order": 123}' },
      { kind: 'quote', text: 'We never charge a restocking fee.' },
      {
        kind: 'paragraph',
        text: 'Refunds reach your account within five to ten business days after we receive the parcel, depending on your bank and card issuer.',
      },
    ]);
    expect(JSON.stringify(doc)).not.toMatch(/LEAK|window\.tracker|font-family|Accept all/);
  });

  it('keeps heading depths that Readability would rename (h1 becomes h2 in its output)', () => {
    const doc = extractHtml(
      `<html><head><title>Handbook</title></head><body><article><h1>Travel</h1><p>${'Book trains at least a week ahead. '.repeat(8)}</p><h2>Hotels</h2><p>${'Stay near the office where you can. '.repeat(8)}</p><h4>Receipts</h4><p>Keep all of them.</p></article></body></html>`,
    );
    expect(doc.blocks.filter((b) => b.kind === 'heading')).toEqual([
      { kind: 'heading', text: 'Travel', depth: 1 },
      { kind: 'heading', text: 'Hotels', depth: 2 },
      { kind: 'heading', text: 'Receipts', depth: 4 },
    ]);
  });

  it('reads a bare fragment, with line breaks and an ordered list starting where it says', () => {
    const doc = extractHtml(
      '<p>Acme Shop<br>1 Main Street</p><ol start="3"><li>Pack it</li><li>Ship it</li></ol>',
    );
    expect(doc).toEqual({
      format: 'html',
      blocks: [
        { kind: 'paragraph', text: 'Acme Shop\n1 Main Street' },
        { kind: 'list', text: '3. Pack it\n4. Ship it' },
      ],
    });
  });

  it('drops a cookie banner that Readability keeps on a short page', () => {
    const page = `<html><head><title>Status</title><script>x()</script></head><body>
      <nav>Home NAV_LEAK</nav><div class="cookie-consent">Cookies COOKIE_LEAK</div>
      <div><span>All systems normal.</span></div><footer>FOOTER_LEAK</footer></body></html>`;
    const doc = extractHtml(page);
    expect(doc).toEqual({
      format: 'html',
      title: 'Status',
      blocks: [{ kind: 'paragraph', text: 'All systems normal.' }],
    });
  });

  it('reads a page too big for Readability as the page minus its boilerplate', () => {
    const cells = '<span>Row</span> '.repeat(21_000);
    const doc = extractHtml(
      clutteredPage(`<p>Opening hours are nine to five.</p><div>${cells}</div>`),
    );
    expect(doc.title).toBe('Refund policy | Acme Shop');
    expect(doc.blocks.slice(0, 2)).toEqual([
      { kind: 'heading', text: 'Refund policy', depth: 1 },
      { kind: 'paragraph', text: 'Opening hours are nine to five.' },
    ]);
    expect(JSON.stringify(doc)).not.toContain('LEAK');
  });

  it('reads a layout table as content, not as one huge table', () => {
    const doc = extractHtml(
      '<table><tr><td><h2>Opening hours</h2><p>Weekdays nine to five.</p></td><td><ul><li>Closed on Sundays</li><li>Open on holidays</li></ul></td></tr></table>',
    );
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list']);
  });

  it.each([
    [
      'images and scripts only',
      '<html><head><title>Gallery</title><script>var a = 1;</script><style>p{}</style></head><body><img src="a.png"><img src="b.png"></body></html>',
    ],
    [
      'navigation and footer only',
      '<html><body><nav><a href="/">Home</a></nav><footer>© Acme</footer></body></html>',
    ],
    ['empty elements', '<div><p> </p><span>&nbsp;</span></div>'],
  ])('refuses HTML with %s (422)', async (_, html) => {
    const error = await refusalOf(extractDocument({ bytes: utf8(html), name: 'page.html' }));
    expect(error).toMatchObject({ code: 'HTML_NO_TEXT', status: 422 });
  });

  it('reads deeply nested markup in linear time without overflowing the stack', () => {
    const depth = 20_000;
    const started = performance.now();
    const doc = extractHtml(
      `<html><body>${'<div>'.repeat(depth)}deep text${'</div>'.repeat(depth)}</body></html>`,
    );
    expect(doc.blocks).toEqual([{ kind: 'paragraph', text: 'deep text' }]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses a page with more tags than it will parse (413)', async () => {
    const error = await refusalOf(
      extractDocument({
        bytes: utf8(`<html><body>${'<b>x</b>'.repeat(MAX_HTML_TAGS + 1)}</body></html>`),
      }),
    );
    expect(error).toMatchObject({ code: 'HTML_TOO_COMPLEX', status: 413 });
  });

  it('reads an 80 KiB page in well under a second', async () => {
    const bytes = utf8(largePage(80));
    const started = performance.now();
    const doc = await extractDocument({ bytes });
    expect(doc.blocks.length).toBeGreaterThan(100);
    expect(JSON.stringify(doc)).not.toContain('LEAK');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
