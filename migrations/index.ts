/**
 * Every migration, oldest first. TypeORM gets this list instead of a file glob so the same code
 * runs from TypeScript (tests) and from the build. `npm run migration:create -- Name`
 * writes an empty one and appends it here (there is no `migration:generate`: repositories write SQL
 * by hand, see docs/architecture.md "Persistence"). The demo shop's tables are not here: they have
 * a chain of their own (`src/tools/migrations`).
 */
import { EnableVectorExtension1795608000000 } from './1795608000000-EnableVectorExtension.js';
import { CreateAuditLog1795610000000 } from './1795610000000-CreateAuditLog.js';
import { CreateApiKeys1795611000000 } from './1795611000000-CreateApiKeys.js';
import { CreateSessions1795612000000 } from './1795612000000-CreateSessions.js';
import { AddSessionCost1795613000000 } from './1795613000000-AddSessionCost.js';
import { AddSessionTurnLatencies1795614000000 } from './1795614000000-AddSessionTurnLatencies.js';
import { CreateSidebandLeases1795615000000 } from './1795615000000-CreateSidebandLeases.js';
import { CreateToolCalls1795616000000 } from './1795616000000-CreateToolCalls.js';
import { CreateApprovals1795618000000 } from './1795618000000-CreateApprovals.js';
import { CreateSessionTranscripts1795619000000 } from './1795619000000-CreateSessionTranscripts.js';
import { AddAuditAppendFunction1795620000000 } from './1795620000000-AddAuditAppendFunction.js';
import { AddSessionResponseStart1795621000000 } from './1795621000000-AddSessionResponseStart.js';
import { HandOverDemoDomain1796172500000 } from './1796172500000-HandOverDemoDomain.js';
import { CreateKnowledge1796300000000 } from './1796300000000-CreateKnowledge.js';
import { TuneKnowledgeRetrieval1796400000000 } from './1796400000000-TuneKnowledgeRetrieval.js';
import { AddSessionOnceKeys1796500000000 } from './1796500000000-AddSessionOnceKeys.js';
import { CreateSessionGroundings1796600000000 } from './1796600000000-CreateSessionGroundings.js';

export const migrations = [
  EnableVectorExtension1795608000000,
  CreateAuditLog1795610000000,
  CreateApiKeys1795611000000,
  CreateSessions1795612000000,
  AddSessionCost1795613000000,
  AddSessionTurnLatencies1795614000000,
  CreateSidebandLeases1795615000000,
  CreateToolCalls1795616000000,
  CreateApprovals1795618000000,
  CreateSessionTranscripts1795619000000,
  AddAuditAppendFunction1795620000000,
  AddSessionResponseStart1795621000000,
  HandOverDemoDomain1796172500000,
  CreateKnowledge1796300000000,
  TuneKnowledgeRetrieval1796400000000,
  AddSessionOnceKeys1796500000000,
  CreateSessionGroundings1796600000000,
];
