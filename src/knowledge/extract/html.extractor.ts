import { Readability } from '@mozilla/readability';

import type { ExtractedDocument } from '../knowledge.types.js';
import { collapseWhitespace } from './block-text.js';
import { HtmlNoTextError, HtmlTooComplexError } from './extraction.errors.js';
import { DEPTH_ATTRIBUTE, htmlBlocks } from './html-blocks.js';
import { removeOverlays, stripBoilerplate } from './html-boilerplate.js';
import { type DomDocument, type DomElement, measureTree, parseHtmlDocument } from './html-dom.js';

// Parsing is linear but not cheap (300k elements: 3 s), so a page with more tags is refused
// before it is parsed.
export const MAX_HTML_TAGS = 100_000;
// Readability is superlinear: 20k nested divs take 25 s and overflow the stack, 300k paragraphs
// 12 s. A page beyond these goes straight to the linear fallback.
const READABILITY_CAPS = { elements: 20_000, depth: 200 };

/**
 * The main content of an HTML page (Readability over linkedom), as blocks. Without an article,
 * the page minus its boilerplate (scripts, styles, navigation, footers, cookie banners) is read.
 */
export function extractHtml(html: string, name?: string): ExtractedDocument {
  if (countTags(html) > MAX_HTML_TAGS) throw new HtmlTooComplexError(MAX_HTML_TAGS, name);
  const document = parseHtmlDocument(html);
  const pageTitle = collapseWhitespace(document.title ?? '');
  removeOverlays(document);
  const readable = fitsReadability(document);
  const article = readable ? readableArticle(document) : undefined;
  let blocks = article ? htmlBlocks(article.content) : [];
  if (!blocks.length) {
    // Readability rearranged the document it read: the fallback needs an untouched copy.
    const source = readable ? parseHtmlDocument(html) : document;
    if (readable) removeOverlays(source);
    const main = stripBoilerplate(source);
    blocks = main ? htmlBlocks(main) : [];
  }
  if (!blocks.length) throw new HtmlNoTextError(name);
  const title = collapseWhitespace(article?.title ?? '') || pageTitle;
  return { format: 'html', ...(title ? { title } : {}), blocks };
}

/** Opening tags in `html`, counted up to one past the cap. */
function countTags(html: string): number {
  let count = 0;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    const next = html.charCodeAt(i + 1) | 0x20;
    if (next >= 0x61 && next <= 0x7a && ++count > MAX_HTML_TAGS) break;
  }
  return count;
}

function fitsReadability(document: DomDocument): boolean {
  const shape = measureTree(document.documentElement, READABILITY_CAPS);
  return shape.elements <= READABILITY_CAPS.elements && shape.depth <= READABILITY_CAPS.depth;
}

function readableArticle(
  document: DomDocument,
): { content: DomElement; title: string } | undefined {
  // Readability renames h1 to h2; the depth we saw survives as an attribute it copies.
  const headings = document.querySelectorAll('h1, h2, h3, h4, h5, h6');
  for (let i = 0; i < headings.length; i++) {
    headings[i].setAttribute(DEPTH_ATTRIBUTE, headings[i].localName.slice(1));
  }
  try {
    const article = new Readability<DomElement>(document, {
      serializer: (node) => node as DomElement,
    }).parse();
    return article?.content ? { content: article.content, title: article.title ?? '' } : undefined;
  } catch {
    // A shape the caps did not foresee (a stack overflow, a linkedom gap): use the fallback.
    return undefined;
  }
}
