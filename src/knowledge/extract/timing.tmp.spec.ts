import { extractDocument } from './document.extractor.js';
import { clutteredPage, largePage } from './testing/html.fixtures.js';
import { longPdf } from './testing/pdf.fixtures.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
async function time(label: string, bytes: Uint8Array, runs = 5): Promise<void> {
  await extractDocument({ bytes }).catch(() => undefined);
  const ms: number[] = [];
  let blocks = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const doc = await extractDocument({ bytes }, { maxBytes: 64 * 1024 * 1024, maxPages: 5000 });
    ms.push(performance.now() - t);
    blocks = doc.blocks.length;
  }
  ms.sort((a, b) => a - b);
  process.stdout.write(`TIMING ${label} ${(bytes.length / 1024).toFixed(0)} KiB blocks=${blocks} min=${ms[0].toFixed(1)} median=${ms[ms.length >> 1].toFixed(1)} max=${ms[ms.length - 1].toFixed(1)} ms\n`);
}
const section = `## Section\n\nSome *text* with a [link](https://x.example) and \`code\`, long enough to be a real paragraph of prose about refunds and returns.\n\n- a\n- b\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\`\`\`js\nconst x = 1;\n\`\`\`\n\n`;
const md = (kib: number) => `# Big\n\n${section.repeat(Math.ceil((kib * 1024) / section.length))}`;
const prose = (kib: number) => `${'Refunds reach your account within five to ten business days after we receive the parcel.\nWrapped line two of the paragraph.\n\n'.repeat(Math.ceil((kib * 1024) / 130))}`;

it('times', async () => {
  await time('pdf 3 pages', await longPdf(3), 10);
  await time('pdf 100 pages', await longPdf(100), 3);
  await time('pdf 300 pages', await longPdf(300), 1);
  await time('html 2.8KB page', utf8(clutteredPage()), 10);
  await time('html 80KB', utf8(largePage(80)), 10);
  await time('html 1MB', utf8(largePage(1024)), 2);
  await time('html 9MB', utf8(largePage(9 * 1024)), 1);
  await time('md 80KB', utf8(md(80)), 10);
  await time('md 1MB', utf8(md(1024)), 2);
  await time('md 9MB', utf8(md(9 * 1024)), 1);
  await time('text 80KB', utf8(prose(80)), 10);
  await time('text 9MB', utf8(prose(9 * 1024)), 1);
  await time('hostile md 9MB underscores', utf8(`${'_a_'.repeat(2500)}\n\n`.repeat(1200)), 1);
  await time('hostile html 9MB spans', utf8(`<p>${'<span>x</span>'.repeat(90_000)}</p>`), 1);
}, 600_000);
