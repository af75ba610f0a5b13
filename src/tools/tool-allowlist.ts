import type { ToolAllowlist } from '../modules/tools/index.js';

/**
 * Which app-user roles may call which tools: the one place to read it. A customer may look things
 * up, search the knowledge base and ask for a callback; a staff agent may also change data and
 * move money. `AppModule` applies these only while the demo is on (SWITCHBOARD_DEMO): the demo
 * shop tools are registered only then, and the registry fails the boot on an entry naming a tool
 * no provider registers. Outside the demo, SWITCHBOARD_KNOWLEDGE_TOOL_ROLES grants
 * `search_knowledge` (built in, always registered).
 */
export const DEMO_TOOL_ALLOWLIST = {
  customer: ['lookup_order', 'schedule_callback', 'search_knowledge'],
  agent: [
    'lookup_order',
    'schedule_callback',
    'update_customer_email',
    'issue_refund',
    'search_knowledge',
  ],
} as const satisfies ToolAllowlist;
