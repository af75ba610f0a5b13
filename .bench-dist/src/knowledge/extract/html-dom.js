import { parseHTML } from 'linkedom';
/** The lower-case tag name; elements Readability creates report theirs in upper case. */ export function tagOf(element) {
    return element.localName.toLowerCase();
}
export const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;
/** A linkedom document; a bare fragment is wrapped first (Readability finds nothing in one). */ export function parseHtmlDocument(html) {
    const whole = /<(?:!doctype|html|head|body)[\s>]/i.test(html.slice(0, 4096));
    const { document } = parseHTML(whole ? html : `<!doctype html><html><body>${html}</body></html>`);
    return document;
}
/** Element count and nesting depth under `root`, counting stops once either passes its cap. */ export function measureTree(root, caps) {
    let elements = 0;
    let depth = 0;
    const stack = [
        [
            root,
            1
        ]
    ];
    while(stack.length && elements <= caps.elements && depth <= caps.depth){
        const [element, level] = stack.pop();
        elements++;
        depth = Math.max(depth, level);
        const { children } = element;
        for(let i = 0; i < children.length; i++)stack.push([
            children[i],
            level + 1
        ]);
    }
    return {
        elements,
        depth
    };
}

//# sourceMappingURL=html-dom.js.map