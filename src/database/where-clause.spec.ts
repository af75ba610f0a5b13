import { WhereClause } from './where-clause.js';

describe(WhereClause.name, () => {
  it('numbers placeholders and skips absent filters', () => {
    const where = new WhereClause()
      .add('a = ?', 1)
      .add('b = ?', undefined)
      .add('(c, d) > (?, ?)', 'x');
    const limit = where.next(10);
    expect(`${where.toSql()} LIMIT ${limit}`).toBe('WHERE a = $1 AND (c, d) > ($2, $2) LIMIT $3');
    expect(where.params).toEqual([1, 'x', 10]);
  });

  it('is empty without filters', () => {
    expect(new WhereClause().add('a = ?', '').toSql()).toBe('');
  });
});
