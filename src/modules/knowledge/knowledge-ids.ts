/**
 * Whether `id` can be one of ours (`src_…`, `doc_…`, `kjb_…`: a prefix and base62). Anything else
 * is answered like an unknown id before it reaches SQL, so odd bytes (a NUL) cannot turn a lookup
 * into a database error.
 */
export function isKnowledgeId(id: string | undefined): id is string {
  return typeof id === 'string' && /^[a-z]{2,4}_[A-Za-z0-9]{1,40}$/.test(id);
}
