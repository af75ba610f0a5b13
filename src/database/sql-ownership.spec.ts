import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('..', import.meta.url));

/** Each table's SQL lives in one repository (and the SQL fragments it is built from). */
const OWNERS: Record<string, readonly string[]> = {
  action_decisions: ['modules/approvals/action-decisions.repository.ts'],
  api_keys: ['modules/identity/api-keys.repository.ts'],
  audit_log: ['modules/audit/audit-log.repository.ts'],
  // The demo shop's tools keep their SQL beside them; its migration seeds customers and orders.
  demo_callbacks: ['tools/schedule-callback/schedule-callback.tool.ts'],
  demo_customers: [
    'tools/migrations/1796172600000-CreateDemoShop.ts',
    'tools/shared/visible-orders.ts',
    'tools/update-customer-email/update-customer-email.tool.ts',
  ],
  demo_orders: [
    'tools/migrations/1796172600000-CreateDemoShop.ts',
    'tools/shared/visible-orders.ts',
  ],
  demo_refunds: [
    'tools/issue-refund/issue-refund.tool.ts',
    'tools/lookup-order/lookup-order.tool.ts',
  ],
  knowledge_chunks: ['modules/knowledge/knowledge-chunks.repository.ts'],
  knowledge_document_versions: ['modules/knowledge/document-versions.repository.ts'],
  knowledge_documents: ['modules/knowledge/knowledge-documents.repository.ts'],
  knowledge_embedding_models: ['modules/knowledge/embedding-models.repository.ts'],
  knowledge_jobs: ['modules/knowledge/knowledge-jobs.repository.ts'],
  knowledge_sources: ['modules/knowledge/knowledge-sources.repository.ts'],
  pending_actions: ['modules/approvals/pending-actions.repository.ts'],
  session_groundings: ['modules/grounding/session-groundings.repository.ts'],
  session_transcripts: ['modules/live-calls/session-transcripts.repository.ts'],
  sessions: ['modules/sessions/sessions.repository.ts', 'modules/sessions/session-spend.sql.ts'],
  sideband_leases: ['modules/sessions/sideband-leases.repository.ts'],
  tool_calls: ['modules/tool-calls/tool-calls.repository.ts'],
};

/** Reads of a table elsewhere, each for a reason. Shrink this list; never grow it without one. */
const READERS: Record<string, readonly string[]> = {
  // Retrieval applies the freshness rule to each candidate in the same statement (one snapshot);
  // the editors' stale list reads the same facts for current versions; and what live calls were
  // given is checked against the same rule (and the session's roles), in one statement.
  knowledge_document_versions: [
    'modules/knowledge/knowledge-chunks.repository.ts',
    'modules/grounding/session-groundings.repository.ts',
  ],
  knowledge_documents: [
    'modules/knowledge/knowledge-chunks.repository.ts',
    'modules/knowledge/document-versions.repository.ts',
    'modules/grounding/session-groundings.repository.ts',
  ],
  knowledge_sources: [
    'modules/knowledge/knowledge-chunks.repository.ts',
    'modules/knowledge/document-versions.repository.ts',
    'modules/grounding/session-groundings.repository.ts',
  ],
  sessions: [
    'modules/grounding/session-groundings.repository.ts', // only active sessions' knowledge is checked
    'modules/sessions/sideband-leases.repository.ts', // orphaned leases of still-active sessions
    // Cancelling a revoked session's actions: decided in one statement with the session's state.
    'modules/approvals/pending-actions.repository.ts',
  ],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('SQL ownership', () => {
  const files = sourceFiles(SRC).map((path) => ({
    path: relative(SRC, path),
    text: readFileSync(path, 'utf8'),
  }));

  it.each(Object.keys(OWNERS))('writes %s only from its repository', (table) => {
    const writes = new RegExp(`\\b(INSERT INTO|UPDATE|DELETE FROM)\\s+${table}\\b`, 'i');
    const writers = files.filter((f) => writes.test(f.text)).map((f) => f.path);
    expect(writers.filter((path) => !OWNERS[table].includes(path))).toEqual([]);
  });

  it.each(Object.keys(OWNERS))('reads %s only from its repository or a listed reader', (table) => {
    const reads = new RegExp(`\\b(FROM|JOIN)\\s+${table}\\b`, 'i');
    const allowed = [...OWNERS[table], ...(READERS[table] ?? [])];
    const readers = files.filter((f) => reads.test(f.text)).map((f) => f.path);
    expect(readers.filter((path) => !allowed.includes(path))).toEqual([]);
  });
});
