import type { TextBlock } from '../knowledge.types.js';
import { collapseWhitespace, pushBlock } from './block-text.js';
import { type DomElement, type DomNode, ELEMENT_NODE, TEXT_NODE, tagOf } from './html-dom.js';

/** Where a heading's original level is kept while Readability renames h1 to h2. */
export const DEPTH_ATTRIBUTE = 'data-switchboard-depth';

const tagSet = (tags: string): ReadonlySet<string> => new Set(tags.split(' '));

const SKIPPED = tagSet(
  'script style noscript template head nav footer button select option input textarea svg math ' +
    'canvas iframe object embed img picture video audio map dialog',
);
const BLOCKS = tagSet(
  'address article aside blockquote body caption center dd details div dl dt fieldset ' +
    'figcaption figure form h1 h2 h3 h4 h5 h6 header hgroup hr html li main ol p pre section ' +
    'summary table tbody td tfoot th thead tr ul',
);
// A table holding these lays out a page rather than data: it is read as a container.
const LAYOUT_INSIDE_TABLE = 'table, h1, h2, h3, h4, h5, h6, ul, ol, pre, blockquote';
const MAX_LIST_LEVELS = 8;
// Below this many levels of containers the rest is read as one paragraph: no stack overflow.
const MAX_DEPTH = 64;

/**
 * Blocks of a DOM subtree in document order: h1–h6 as headings (a `DEPTH_ATTRIBUTE` set before
 * Readability renamed them wins), p, ul/ol as lists, table, pre as code, blockquote as quote.
 * Text loose in containers becomes paragraphs; scripts, styles, forms and media are skipped.
 */
export function htmlBlocks(root: DomElement): TextBlock[] {
  const blocks: TextBlock[] = [];
  walkContainer(root, blocks, 0);
  return blocks;
}

function walkContainer(container: DomElement, blocks: TextBlock[], depth: number): void {
  let loose = '';
  const flush = () => {
    pushBlock(blocks, 'paragraph', collapseLines(loose));
    loose = '';
  };
  const { childNodes } = container;
  for (let i = 0; i < childNodes.length; i++) {
    const node = childNodes[i];
    if (node.nodeType === TEXT_NODE) loose += node.textContent ?? '';
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as DomElement;
    if (SKIPPED.has(tagOf(element))) continue;
    if (!BLOCKS.has(tagOf(element))) {
      loose += inlineText(element);
      continue;
    }
    flush();
    walkBlock(element, blocks, depth + 1);
  }
  flush();
}

function walkBlock(element: DomElement, blocks: TextBlock[], depth: number): void {
  const tag = tagOf(element);
  if (/^h[1-6]$/.test(tag)) {
    const marked = Number(element.getAttribute(DEPTH_ATTRIBUTE));
    const level = marked >= 1 && marked <= 6 ? marked : Number(tag[1]);
    pushBlock(blocks, 'heading', collapseWhitespace(inlineText(element)), { depth: level });
  } else if (tag === 'ul' || tag === 'ol') {
    pushBlock(blocks, 'list', listLines(element, 0).join('\n'));
  } else if (tag === 'table' && !element.querySelector(LAYOUT_INSIDE_TABLE)) {
    tableBlocks(element, blocks);
  } else if (tag === 'pre') {
    pushBlock(blocks, 'code', element.textContent ?? '');
  } else if (tag === 'blockquote') {
    const inner: TextBlock[] = [];
    walkContainer(element, inner, depth);
    pushBlock(blocks, 'quote', inner.map((block) => block.text).join('\n'));
  } else if (tag === 'p' || tag === 'hr' || depth > MAX_DEPTH) {
    pushBlock(blocks, 'paragraph', collapseLines(inlineText(element)));
  } else {
    walkContainer(element, blocks, depth);
  }
}

function listLines(list: DomElement, level: number): string[] {
  const ordered = tagOf(list) === 'ol';
  let number = Number.parseInt(list.getAttribute('start') ?? '', 10);
  if (!Number.isFinite(number)) number = 1;
  const lines: string[] = [];
  for (const item of childElements(list)) {
    if (tagOf(item) !== 'li') continue;
    // Past the last level, nested lists stay in their item's text.
    const nested =
      level + 1 < MAX_LIST_LEVELS
        ? childElements(item).filter((c) => tagOf(c) === 'ul' || tagOf(c) === 'ol')
        : [];
    const own = collapseWhitespace(inlineText(item, new Set(nested)));
    const marker = ordered ? `${number++}.` : '-';
    lines.push(`${'  '.repeat(level)}${marker} ${own}`.trimEnd());
    for (const sub of nested) lines.push(...listLines(sub, level + 1));
  }
  return lines;
}

function tableBlocks(table: DomElement, blocks: TextBlock[]): void {
  const caption = table.querySelector('caption');
  if (caption) pushBlock(blocks, 'paragraph', collapseWhitespace(inlineText(caption)));
  const rows: string[] = [];
  const trs = table.querySelectorAll('tr');
  for (let i = 0; i < trs.length; i++) {
    const cells = childElements(trs[i]).filter((c) => tagOf(c) === 'td' || tagOf(c) === 'th');
    const row = cells.map((cell) => collapseWhitespace(inlineText(cell)));
    if (row.some(Boolean)) rows.push(row.join(' | '));
  }
  pushBlock(blocks, 'table', rows.join('\n'));
}

function childElements(element: DomElement): DomElement[] {
  return Array.from(element.children);
}

/**
 * The text under `root` without recursion (hostile pages nest deeply): `<br>` is a newline,
 * block children are set apart by spaces, skipped elements and `exclude` give nothing.
 */
function inlineText(root: DomElement, exclude: ReadonlySet<DomElement> = new Set()): string {
  let text = '';
  const stack: (DomNode | string)[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      text += node;
      continue;
    }
    if (node.nodeType === TEXT_NODE) text += node.textContent ?? '';
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as DomElement;
    if (exclude.has(element) || (element !== root && SKIPPED.has(tagOf(element)))) continue;
    if (tagOf(element) === 'br') {
      text += '\n';
      continue;
    }
    const gap = BLOCKS.has(tagOf(element)) ? ' ' : '';
    stack.push(gap);
    // linkedom rebuilds `childNodes` on every read: read it once.
    const children = element.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    text += gap;
  }
  return text;
}

/** Whitespace collapsed within lines; line breaks from `<br>` kept, blank lines dropped. */
function collapseLines(text: string): string {
  return text.split('\n').map(collapseWhitespace).filter(Boolean).join('\n');
}
