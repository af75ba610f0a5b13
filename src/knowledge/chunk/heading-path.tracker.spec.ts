import { fitHeadingPath, HeadingTrail } from './heading-path.tracker.js';
import { fakeTokenCounter } from './testing/fake-token.counter.js';
import { TokenMeter } from './token.meter.js';

describe(HeadingTrail.name, () => {
  it('closes headings of the same or a deeper level and hides the title', () => {
    const trail = new HeadingTrail();
    trail.enter(1, 'Title', true);
    trail.enter(2, 'A');
    trail.enter(3, 'A.1');
    expect(trail.path()).toEqual(['A', 'A.1']);
    trail.enter(3, 'A.2');
    expect(trail.path()).toEqual(['A', 'A.2']);
    trail.enter(2, 'B');
    expect(trail.path()).toEqual(['B']);
    trail.enter(1, 'Other');
    expect(trail.path()).toEqual(['Other']);
  });
});

describe(fitHeadingPath.name, () => {
  const meter = new TokenMeter(fakeTokenCounter(64));

  it('keeps a path that fits as it is', () => {
    expect(fitHeadingPath(['Guide', 'Setup'], meter, 10)).toEqual(['Guide', 'Setup']);
  });

  it('cuts every heading to one length at a word boundary, marked with …', () => {
    const long = 'one two three four five six seven eight nine ten';
    const path = fitHeadingPath(['Guide', long], meter, 8);
    expect(path[0]).toBe('Guide');
    expect(path[1]).toMatch(/^one two( three)?…$/);
    expect(meter.content(path.join(' > '))).toBeLessThanOrEqual(8);
  });

  it('drops outer headings when even stubs of all of them do not fit', () => {
    const path = fitHeadingPath(['A', 'B', 'C', 'D', 'E', 'F'], meter, 3);
    expect(path).toEqual(['E', 'F']);
  });
});
