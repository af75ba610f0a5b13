import { extractDocument } from './document.extractor.js';
import { extractPlainText, plainTextBlocks } from './plain-text.extractor.js';

describe('plain text extraction', () => {
  it('splits paragraphs on blank lines and rejoins wrapped lines', () => {
    const text =
      'Dear customer,\n\nyour refund of 20 EUR was sent today. It reaches\nyour account in five days.\n  \n\nKind regards';
    expect(extractPlainText(text)).toEqual({
      format: 'text',
      blocks: [
        { kind: 'paragraph', text: 'Dear customer,' },
        {
          kind: 'paragraph',
          text: 'your refund of 20 EUR was sent today. It reaches your account in five days.',
        },
        { kind: 'paragraph', text: 'Kind regards' },
      ],
    });
  });

  it('groups list-like lines as a list, keeping markers, nesting and continuation lines', () => {
    const text = [
      'Bring these:',
      '- a towel',
      '- a map of',
      '  the city',
      '  * with the old town',
      '1) tickets',
      'That is all.',
    ].join('\n');
    expect(plainTextBlocks(text)).toEqual([
      { kind: 'paragraph', text: 'Bring these:' },
      { kind: 'list', text: '- a towel\n- a map of the city\n  * with the old town\n1) tickets' },
      { kind: 'paragraph', text: 'That is all.' },
    ]);
  });

  it('keeps one list-like line alone as prose, and a word hyphenated across lines whole', () => {
    expect(plainTextBlocks('1. Introduction\nThe refund pro-\ncess is simple.')).toEqual([
      { kind: 'paragraph', text: '1. Introduction The refund pro-cess is simple.' },
    ]);
  });

  it('normalises CRLF and CR newlines and stamps a page when given one', async () => {
    const doc = await extractDocument({
      bytes: new TextEncoder().encode('one\r\ntwo\r\n\r\nthree\rfour'),
    });
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: 'one two' },
      { kind: 'paragraph', text: 'three four' },
    ]);
    expect(plainTextBlocks('x', 7)).toEqual([{ kind: 'paragraph', text: 'x', page: 7 }]);
  });
});
