import { type DomDocument, type DomElement, tagOf } from './html-dom.js';

const OVERLAYS =
  'script, style, noscript, template, iframe, dialog, [role=dialog], [role=alertdialog], ' +
  '[aria-modal=true], [hidden]';
// Readability's own "unlikely candidates" miss these, and on a short page it keeps everything.
const OVERLAY_NAME = /cookie|consent|gdpr|onetrust|cmp-banner/i;
const BOILERPLATE =
  'nav, footer, aside, svg, button, form[role=search], [role=navigation], [role=banner], ' +
  '[role=contentinfo], [role=complementary], [aria-hidden=true]';
const BOILERPLATE_NAME =
  /banner|newsletter|subscribe|sidebar|menu|breadcrumb|advert|promo|social|share|related|comment/i;
const CONTENT_ROOTS = new Set(['html', 'body', 'main', 'article']);

/** Removes what never belongs to an article: scripts, styles, dialogs and cookie banners. */
export function removeOverlays(document: DomDocument): void {
  removeAll(Array.from(document.querySelectorAll(OVERLAYS)));
  removeAll(named(document, OVERLAY_NAME));
}

/**
 * The fallback when Readability finds no article (or the page is too big for it): drop what is
 * boilerplate by tag, role, or id/class name, and return `<main>`, the one `<article>`, or the
 * body. Run `removeOverlays` first.
 */
export function stripBoilerplate(document: DomDocument): DomElement | null {
  removeAll(Array.from(document.querySelectorAll(BOILERPLATE)));
  removeAll(named(document, BOILERPLATE_NAME));
  // A site header sits outside the article; an article's own header holds its title.
  removeAll(
    Array.from(document.querySelectorAll('header')).filter((h) => !h.closest('article, main')),
  );
  const articles = document.querySelectorAll('article');
  const main = document.querySelector('main, [role=main]');
  return main ?? (articles.length === 1 ? articles[0] : document.body);
}

function named(document: DomDocument, pattern: RegExp): DomElement[] {
  return Array.from(document.querySelectorAll('[id], [class]')).filter(
    (element) =>
      !CONTENT_ROOTS.has(tagOf(element)) &&
      pattern.test(`${element.getAttribute('id') ?? ''} ${element.getAttribute('class') ?? ''}`) &&
      // "layout-with-sidebar" may wrap the whole page: never drop what holds the article.
      !element.querySelector('main, article, h1'),
  );
}

function removeAll(elements: readonly DomElement[]): void {
  for (const element of elements) element.remove();
}
