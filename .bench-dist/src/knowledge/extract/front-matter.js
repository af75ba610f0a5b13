// YAML (--- … --- or …) or TOML (+++ … +++) at the very start; CommonMark would read YAML as a
// rule and a setext heading.
const FRONT_MATTER = /^(---|\+\+\+)[ \t]*\n([\s\S]*?)\n(?:\1|\.\.\.)[ \t]*(?:\n|$)/;
const TITLE = /^title[ \t]*[:=][ \t]*(.+?)[ \t]*$/m;
/** Markdown split into its front matter's `title` (if any) and the body after the front matter. */ export function splitFrontMatter(markdown) {
    const match = FRONT_MATTER.exec(markdown);
    // A document that merely opens with a rule has no `key: value` after it.
    if (!match || !/^\s*[\w-]+[ \t]*[:=]/.test(match[2])) return {
        body: markdown
    };
    const body = markdown.slice(match[0].length);
    const title = TITLE.exec(match[2])?.[1].replace(/^(["'])(.*)\1$/, '$2').trim();
    return title ? {
        body,
        title
    } : {
        body
    };
}

//# sourceMappingURL=front-matter.js.map