/**
 * Builds a parameterised `WHERE` from optional filters: `add('user_id = ?', value)` appends the
 * condition only when the value is defined, numbering placeholders as it goes. Values never touch
 * the SQL text.
 */ export class WhereClause {
    add(condition, value) {
        if (value === undefined || value === '') return this;
        this.params.push(value);
        this.conditions.push(condition.replaceAll('?', `$${this.params.length}`));
        return this;
    }
    /** `WHERE …` or an empty string. */ toSql() {
        return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
    }
    /** The placeholder for one more parameter after the filters (e.g. LIMIT). */ next(value) {
        this.params.push(value);
        return `$${this.params.length}`;
    }
    constructor(){
        this.params = [];
        this.conditions = [];
    }
}

//# sourceMappingURL=where-clause.js.map