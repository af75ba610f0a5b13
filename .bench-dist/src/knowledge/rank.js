/**
 * Hybrid ranking: the vector list and the full-text list are fused by reciprocal rank fusion
 * (each list contributes 1 / (K + rank)), then weighted by the source's trust tier and, when the
 * source asks for it, by recency. Ties break on the chunk id, so equal input gives equal order.
 */ export const TRUST_TIERS = [
    'authoritative',
    'standard',
    'community'
];
/** The customary RRF constant: it damps the head of each list so neither list dominates. */ export const RRF_K = 60;
const TRUST_WEIGHT = {
    authoritative: 1,
    standard: 0.9,
    community: 0.75
};
/**
 * The recency factor: 1 for new text, 0.75 at one half-life, approaching 0.5 for old text. It
 * never drops below 0.5, so an old but exact answer still beats a new, vaguely related one.
 */ export function recencyWeight(ageDays, halfLifeDays) {
    if (halfLifeDays === null) return 1;
    return 0.5 + 0.5 * Math.pow(2, -Math.max(0, ageDays) / halfLifeDays);
}
export function hybridScore(facts) {
    const fused = (facts.vectorRank ? 1 / (RRF_K + facts.vectorRank) : 0) + (facts.textRank ? 1 / (RRF_K + facts.textRank) : 0);
    return fused * TRUST_WEIGHT[facts.trustTier] * recencyWeight(facts.ageDays, facts.halfLifeDays);
}
/** The best `limit` ids by score, highest first; equal scores in ascending id order. */ export function topByScore(items, limit) {
    return [
        ...items
    ].sort((a, b)=>b.score - a.score || compareIds(a.id, b.id)).slice(0, limit);
}
/** Chunk ids are bigint strings: shorter is smaller, then lexical. */ function compareIds(a, b) {
    return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

//# sourceMappingURL=rank.js.map