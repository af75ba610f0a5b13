import { parseHTML } from 'linkedom';

/** The slice of the DOM this folder reads; the project compiles without the DOM lib. */
export interface DomNode {
  readonly nodeType: number;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
}

export interface DomElement extends DomNode {
  readonly localName: string;
  readonly children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  remove(): void;
  closest(selectors: string): DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  readonly title: string;
  readonly body: DomElement | null;
  readonly documentElement: DomElement;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

/** The lower-case tag name; elements Readability creates report theirs in upper case. */
export function tagOf(element: DomElement): string {
  return element.localName.toLowerCase();
}

export const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;

/** A linkedom document; a bare fragment is wrapped first (Readability finds nothing in one). */
export function parseHtmlDocument(html: string): DomDocument {
  const whole = /<(?:!doctype|html|head|body)[\s>]/i.test(html.slice(0, 4096));
  const { document } = parseHTML(whole ? html : `<!doctype html><html><body>${html}</body></html>`);
  return document as unknown as DomDocument;
}

/** Element count and nesting depth under `root`, counting stops once either passes its cap. */
export function measureTree(
  root: DomElement,
  caps: { elements: number; depth: number },
): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  const stack: [DomElement, number][] = [[root, 1]];
  while (stack.length && elements <= caps.elements && depth <= caps.depth) {
    const [element, level] = stack.pop()!;
    elements++;
    depth = Math.max(depth, level);
    const { children } = element;
    for (let i = 0; i < children.length; i++) stack.push([children[i], level + 1]);
  }
  return { elements, depth };
}
