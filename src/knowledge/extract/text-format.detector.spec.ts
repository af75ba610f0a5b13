import { detectTextFormat } from './text-format.detector.js';

describe(detectTextFormat.name, () => {
  it.each([
    ['a page with a doctype', '<!DOCTYPE html><title>x</title><p>Hello</p>', 'html'],
    ['a page after a comment', '<!-- saved from url --><html><body>Hi</body></html>', 'html'],
    [
      'XHTML',
      '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
      'html',
    ],
    ['a fragment', '<p>Refunds take <b>five</b> days.</p>\n<p>Call us.</p>', 'html'],
    [
      'a README that opens with centred HTML',
      '<p align="center"><img src="logo.png"></p>\n\n# Tool\n\nRun `tool`.\n\n## Install\n\n- npm i tool\n',
      'markdown',
    ],
    ['headings', '# Title\n\nSome text.', 'markdown'],
    ['a fenced block', 'Run this:\n\n```\nnpm test\n```', 'markdown'],
    ['a table', '| a | b |\n|---|---|\n| 1 | 2 |', 'markdown'],
    ['links', 'See [the docs](https://example.com/docs) for more.', 'markdown'],
    ['a list and emphasis', 'Notes:\n- **one**\n- two', 'markdown'],
    ['prose', 'Dear customer,\n\nyour refund was sent. It is 20 < 30.\n\nRegards', 'text'],
    ['prose with one dash line', 'Agenda\n- coffee\n\nThanks', 'text'],
    [
      'a lone tag mention in prose',
      'Use the <br> tag for breaks.\nThat is all.\nReally.\nYes.',
      'text',
    ],
  ])('calls %s %s', (_, text, format) => {
    expect(detectTextFormat(text)).toBe(format);
  });
});
