import 'reflect-metadata';

import { runApprovalsBench } from './approvals.bench.js';
import { runGovernanceBench } from './governance.bench.js';
import { runResponseStartBench } from './response-start.bench.js';

/**
 * `npm run bench`: every benchmark in turn; each prints its figures and writes
 * `bench/results/<name>.json`. Uses DATABASE_URL when set (the real PostgreSQL), else embedded PGlite.
 */
const benches: Record<string, () => Promise<void>> = {
  governance: runGovernanceBench,
  approvals: runApprovalsBench,
  'response-start': runResponseStartBench,
  retrieval: async () => (await import('./retrieval.bench.js')).runRetrievalBench(),
  grounding: async () => (await import('./grounding.bench.js')).runGroundingBench(),
};
const only = process.argv.slice(2);

for (const [name, run] of Object.entries(benches)) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`— ${name}`);
  await run();
}
