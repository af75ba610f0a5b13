import { longestFit } from './longest-fit.search.js';
import type { TokenMeter } from './token.meter.js';

export const PATH_SEPARATOR = ' > ';
const ELLIPSIS = '…';

/**
 * The open headings: a heading closes every open one of the same or a deeper level. A hidden
 * heading (the document's title) opens and closes like any other but is left out of the path.
 */
export class HeadingTrail {
  private readonly open: { depth: number; text: string; hidden: boolean }[] = [];

  enter(depth: number, text: string, hidden = false): void {
    while (this.open.length > 0 && this.open[this.open.length - 1]!.depth >= depth) this.open.pop();
    this.open.push({ depth, text, hidden });
  }

  path(): string[] {
    return this.open.filter((heading) => !heading.hidden).map((heading) => heading.text);
  }
}

/**
 * The heading path as it will be embedded, within `budget` content tokens: whole when it fits,
 * else every heading cut to the longest common length that fits (at a word boundary when one
 * is near, marked with …); when even a stub of each is too long, outer headings go first.
 */
export function fitHeadingPath(
  path: readonly string[],
  meter: TokenMeter,
  budget: number,
): string[] {
  const fits = (headings: readonly string[]) =>
    meter.content(headings.join(PATH_SEPARATOR)) <= budget;
  for (let from = 0; from < path.length; from++) {
    const headings = path.slice(from);
    if (fits(headings)) return headings;
    const longest = Math.max(...headings.map((heading) => heading.length));
    const length = longestFit(longest - 1, longest >> 1, (n) => fits(cutAll(headings, n)));
    if (length > 0) return cutAll(headings, length);
  }
  return [];
}

function cutAll(headings: readonly string[], length: number): string[] {
  return headings.map((heading) => (heading.length > length ? cut(heading, length) : heading));
}

function cut(text: string, length: number): string {
  let end = length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  const space = text.lastIndexOf(' ', end);
  if (space > end / 2) end = space;
  return text.slice(0, end).trimEnd() + ELLIPSIS;
}
