import { splitBlockUnits, splitSentences } from './block-units.splitter.js';

describe(splitSentences.name, () => {
  it('ends sentences at . ! ? … before anything but a lowercase letter', () => {
    expect(splitSentences('One. Two! Three? "Four." (Five…) 6. e.g. seven stays.')).toEqual([
      'One.',
      'Two!',
      'Three?',
      '"Four."',
      '(Five…)',
      '6. e.g. seven stays.',
    ]);
  });

  it('splits after CJK full stops, which take no space', () => {
    expect(splitSentences('第一句。第二句！ Third')).toEqual(['第一句。', '第二句！', 'Third']);
  });
});

describe(splitBlockUnits.name, () => {
  it('collapses whitespace in prose', () => {
    expect(splitBlockUnits('paragraph', '  One\t two.\n\n Three  ').units).toEqual([
      'One two.',
      'Three',
    ]);
  });

  it('makes list items of marked lines, joining unmarked ones to the item above', () => {
    const { units, joiner } = splitBlockUnits('list', '- one\n  continued\n\n2. two\n* three');
    expect(units).toEqual(['- one continued', '2. two', '* three']);
    expect(joiner).toBe('\n');
  });

  it('keeps a table header and its rule row together as the first unit', () => {
    expect(splitBlockUnits('table', 'a | b\n--- | ---\n1 | 2\n3 | 4')).toEqual({
      units: ['a | b\n--- | ---', '1 | 2', '3 | 4'],
      joiner: '\n',
      hasHeader: true,
    });
    expect(splitBlockUnits('table', 'a | b').hasHeader).toBe(false);
  });

  it('keeps code indentation but drops trailing spaces and blank lines', () => {
    expect(splitBlockUnits('code', 'if (x) {  \n\n    y();\n}\n').units).toEqual([
      'if (x) {',
      '    y();',
      '}',
    ]);
  });
});
