import { longestFit } from './longest-fit.search.js';
export const PATH_SEPARATOR = ' > ';
const ELLIPSIS = '…';
/**
 * The open headings: a heading closes every open one of the same or a deeper level. A hidden
 * heading (the document's title) opens and closes like any other but is left out of the path.
 */ export class HeadingTrail {
    enter(depth, text, hidden = false) {
        while(this.open.length > 0 && this.open[this.open.length - 1].depth >= depth)this.open.pop();
        this.open.push({
            depth,
            text,
            hidden
        });
    }
    path() {
        return this.open.filter((heading)=>!heading.hidden).map((heading)=>heading.text);
    }
    constructor(){
        this.open = [];
    }
}
/**
 * The heading path as it will be embedded, within `budget` content tokens: whole when it fits,
 * else every heading cut to the longest common length that fits (at a word boundary when one
 * is near, marked with …); when even a stub of each is too long, outer headings go first.
 */ export function fitHeadingPath(path, meter, budget) {
    const fits = (headings)=>meter.content(headings.join(PATH_SEPARATOR)) <= budget;
    for(let from = 0; from < path.length; from++){
        const headings = path.slice(from);
        if (fits(headings)) return headings;
        const longest = Math.max(...headings.map((heading)=>heading.length));
        const length = longestFit(longest - 1, longest >> 1, (n)=>fits(cutAll(headings, n)));
        if (length > 0) return cutAll(headings, length);
    }
    return [];
}
function cutAll(headings, length) {
    return headings.map((heading)=>heading.length > length ? cut(heading, length) : heading);
}
function cut(text, length) {
    let end = length;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end -= 1;
    const space = text.lastIndexOf(' ', end);
    if (space > end / 2) end = space;
    return text.slice(0, end).trimEnd() + ELLIPSIS;
}

//# sourceMappingURL=heading-path.tracker.js.map