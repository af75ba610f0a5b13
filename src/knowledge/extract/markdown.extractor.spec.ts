import { extractDocument } from './document.extractor.js';
import { extractMarkdown } from './markdown.extractor.js';

const HANDBOOK = `---
title: "Travel handbook"
tags: [travel, policy]
---
# Travel *policy*

Book trains **at least** a week ahead; see the [booking tool](https://travel.example/book) &amp; ask
your manager.

## Hotels

- Stay near the office
- Keep the receipt
  - scan it the same day
1. Book
2. Travel

- [x] Approved by finance

### Allowances

| Country | Per day | Note |
|---------|--------:|------|
| Germany | 24 EUR  | \`DE\` |
| France  | 30 EUR  | a \\| b |

\`\`\`bash
travel book --from BER --to CDG
  --date 2026-05-01
\`\`\`

> Ask **before** you book.
> Always.

<div class="note">Raw <b>HTML</b> note</div>

<!-- an editor's comment -->

---

Setext heading
--------------
Last paragraph with ![a map](map.png).
`;

describe('Markdown extraction', () => {
  it('gives headings with depth, paragraphs, lists, tables, code and quotes, without front matter', () => {
    expect(extractMarkdown(HANDBOOK)).toEqual({
      format: 'markdown',
      title: 'Travel policy',
      blocks: [
        { kind: 'heading', text: 'Travel policy', depth: 1 },
        {
          kind: 'paragraph',
          text: 'Book trains at least a week ahead; see the booking tool & ask your manager.',
        },
        { kind: 'heading', text: 'Hotels', depth: 2 },
        {
          kind: 'list',
          text: '- Stay near the office\n- Keep the receipt\n  - scan it the same day',
        },
        { kind: 'list', text: '1. Book\n2. Travel' },
        { kind: 'list', text: '- [x] Approved by finance' },
        { kind: 'heading', text: 'Allowances', depth: 3 },
        {
          kind: 'table',
          text: 'Country | Per day | Note\nGermany | 24 EUR | DE\nFrance | 30 EUR | a | b',
        },
        { kind: 'code', text: 'travel book --from BER --to CDG\n  --date 2026-05-01' },
        { kind: 'quote', text: 'Ask before you book. Always.' },
        { kind: 'paragraph', text: 'Raw HTML note' },
        { kind: 'heading', text: 'Setext heading', depth: 2 },
        { kind: 'paragraph', text: 'Last paragraph with a map.' },
      ],
    });
  });

  it('is detected by content and takes the front matter title when there is no # heading', async () => {
    const doc = await extractDocument({
      bytes: new TextEncoder().encode('---\ntitle: Notes\n---\n## Agenda\n\n- one\n- two\n'),
      name: 'notes.txt',
    });
    expect(doc).toEqual({
      format: 'markdown',
      title: 'Notes',
      blocks: [
        { kind: 'heading', text: 'Agenda', depth: 2 },
        { kind: 'list', text: '- one\n- two' },
      ],
    });
  });

  it('keeps a document that merely opens with a rule', () => {
    const doc = extractMarkdown('---\nJust text.\n\n---\n\nMore text.');
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: 'Just text.' },
      { kind: 'paragraph', text: 'More text.' },
    ]);
  });

  it.each([
    ['nested quotes', '>'.repeat(50_000) + ' deep'],
    [
      'nested lists',
      Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n'),
    ],
    ['emphasis runs', '*a'.repeat(100_000)],
    ['underscore runs', '_a_'.repeat(50_000)],
    ['paragraphs of underscore runs', `${'_a_'.repeat(2_500)}\n\n`.repeat(40)],
    ['brackets', '['.repeat(100_000)],
    ['unclosed tags', '<a'.repeat(100_000)],
  ])('reads hostile %s in bounded time without throwing', (_, markdown) => {
    const started = performance.now();
    const doc = extractMarkdown(markdown);
    expect(doc.blocks.length).toBeGreaterThan(0);
    expect(doc.blocks.every((block) => block.text.trim())).toBe(true);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('reads 80 KiB of ordinary Markdown quickly', () => {
    const section = `## Section\n\nSome *text* with a [link](https://x.example) and \`code\`, long enough to be a real paragraph of prose.\n\n- a\n- b\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\`\`\`js\nconst x = 1;\n\`\`\`\n\n`;
    const markdown = `# Big\n\n${section.repeat(Math.ceil((80 * 1024) / section.length))}`;
    const started = performance.now();
    const doc = extractMarkdown(markdown);
    expect(doc.blocks.filter((b) => b.kind === 'table').length).toBeGreaterThan(300);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
