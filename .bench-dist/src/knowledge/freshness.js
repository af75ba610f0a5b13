/**
 * Whether a document version may be given to a caller *now*. The rule is written twice, once as a
 * function and once as a SQL predicate (retrieval filters in the database), and a property test
 * (`test/knowledge-freshness.e2e-spec.ts`) checks on both databases that the two always agree.
 * Change one, change the other.
 *
 * A version is servable when its document is not retracted, it is the document's current version
 * (a newer ready version supersedes it), it is valid (`validFrom <= now < validUntil`), it is
 * younger than its source's `maxAgeDays` (counted from the upload of this version: reviews do
 * not make old text young), and, when its source excludes review-overdue text, its review is not
 * overdue. A review falls due at the version's `reviewBy`, or else `reviewEveryDays` after its last
 * review (or its upload).
 */ export const REVIEW_OVERDUE_POLICIES = [
    'exclude',
    'allow'
];
const DAY_MS = 86_400_000;
/** When the version's review falls due, or null when nothing asks for reviews. */ export function reviewDueAt(facts) {
    if (facts.reviewBy) return facts.reviewBy;
    if (facts.reviewEveryDays === null) return null;
    const since = facts.reviewedAt ?? facts.createdAt;
    return new Date(since.getTime() + facts.reviewEveryDays * DAY_MS);
}
/** When the source's `maxAgeDays` retires the version, or null without a maximum age. */ export function agesOutAt(facts) {
    if (facts.maxAgeDays === null) return null;
    return new Date(facts.createdAt.getTime() + facts.maxAgeDays * DAY_MS);
}
export function isServable(facts, now) {
    const t = now.getTime();
    if (facts.retractedAt !== null) return false;
    if (facts.currentVersion === null || facts.version !== facts.currentVersion) return false;
    if (facts.validFrom !== null && facts.validFrom.getTime() > t) return false;
    if (facts.validUntil !== null && facts.validUntil.getTime() <= t) return false;
    const agesOut = agesOutAt(facts);
    if (agesOut !== null && agesOut.getTime() <= t) return false;
    if (facts.reviewOverdue === 'allow') return true;
    const due = reviewDueAt(facts);
    return due === null || due.getTime() > t;
}
/** Whether the version's review is overdue at `now` (shown on hits a source lets through). */ export function isReviewOverdue(facts, now) {
    const due = reviewDueAt(facts);
    return due !== null && due.getTime() <= now.getTime();
}
/**
 * The same rule as `isServable`, as SQL over the aliases `s` (knowledge_sources), `d`
 * (knowledge_documents) and `v` (knowledge_document_versions). `now` is a placeholder such as
 * `$3` holding a timestamptz, so tests can move the clock. Days are 86,400 s (as above), never
 * calendar days, so daylight-saving changes cannot make the two disagree. It is never NULL.
 */ export function servableSql(now) {
    return `(d.retracted_at IS NULL
    AND COALESCE(v.version = d.current_version, false)
    AND (v.valid_from IS NULL OR v.valid_from <= ${now})
    AND (v.valid_until IS NULL OR v.valid_until > ${now})
    AND (s.max_age_days IS NULL OR v.created_at + ${days('s.max_age_days')} > ${now})
    AND (s.review_overdue = 'allow' OR NOT ${reviewOverdueSql(now)}))`;
}
/** `isReviewOverdue` as SQL over the same aliases (never null). */ export function reviewOverdueSql(now) {
    const due = `COALESCE(v.review_by,
      COALESCE(v.reviewed_at, v.created_at) + ${days('s.review_every_days')})`;
    return `COALESCE(${due} <= ${now}, false)`;
}
const days = (column)=>`make_interval(secs => ${column} * 86400)`;
/** What is stale about a current version at `now`, or becomes so within `horizonDays`. */ export function staleness(facts, now, horizonDays) {
    const t = now.getTime();
    const horizon = t + horizonDays * DAY_MS;
    const reasons = [];
    const dates = [];
    const check = (at, past, soon)=>{
        if (at === null || at.getTime() > horizon) return;
        reasons.push(at.getTime() <= t ? past : soon);
        dates.push(at.getTime());
    };
    check(facts.validUntil, 'expired', 'expires_soon');
    check(agesOutAt(facts), 'aged_out', 'ages_out_soon');
    check(reviewDueAt(facts), 'review_overdue', 'review_due_soon');
    return {
        reasons,
        dueAt: dates.length ? new Date(Math.min(...dates)) : null
    };
}

//# sourceMappingURL=freshness.js.map