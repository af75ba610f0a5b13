/**
 * The console builds its DOM from elements and text nodes only: everything it shows (tool
 * arguments, transcripts, document titles) is untrusted, and nothing here ever parses HTML.
 */
type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(
    ...children.filter((c) => c !== null && c !== undefined && c !== false).map(toNode),
  );
  return element;
}

function toNode(child: Exclude<Child, null | undefined | false>): Node {
  return typeof child === 'string' || typeof child === 'number'
    ? document.createTextNode(String(child))
    : child;
}

export function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

/** A duration from now until `iso`, as a person reads it: "4 min 10 s", or "expired". */
export function timeLeft(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (seconds <= 0) return 'expired';
  const minutes = Math.floor(seconds / 60);
  return minutes ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}
