import type { MarkedToken, Token } from 'marked';

import { decodeEntities, htmlSnippetText } from './markup-text.js';

/** A token that may carry inline tokens: headings, paragraphs, table cells, list text. */
export interface InlineSource {
  readonly text?: string;
  readonly tokens?: readonly Token[];
}

/** Plain text of inline Markdown: emphasis dropped, links and images give their text. */
export function inlinePlain(source: InlineSource): string {
  if (source.tokens?.length) return tokensPlain(source.tokens);
  return rawPlain(source.text ?? '');
}

function tokensPlain(tokens: readonly Token[]): string {
  let out = '';
  for (const token of tokens as readonly MarkedToken[]) out += tokenPlain(token);
  return out;
}

function tokenPlain(token: MarkedToken): string {
  switch (token.type) {
    case 'text':
      return token.tokens?.length ? tokensPlain(token.tokens) : decodeEntities(token.text);
    case 'escape':
    case 'codespan':
      return token.text;
    case 'strong':
    case 'em':
    case 'del':
    case 'link':
    case 'image':
      return token.tokens?.length ? tokensPlain(token.tokens) : decodeEntities(token.text);
    case 'br':
      return '\n';
    case 'html':
      return htmlSnippetText(token.text);
    default:
      return '';
  }
}

// Text marked was not asked to lex inline (too long, or over the time budget): links keep their
// text and the common emphasis markers go, in linear time.
function rawPlain(text: string): string {
  return decodeEntities(
    text
      .replace(/!?\[([^\][\n]*)\]\([^()\s]*\)/g, '$1')
      .replace(/\*\*|__|`+/g, '')
      .replace(/<\/?[a-zA-Z][^<>]*>/g, ''),
  );
}
