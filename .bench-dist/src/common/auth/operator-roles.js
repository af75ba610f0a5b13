/**
 * Roles an operator's API key can hold. `admin` satisfies every operator-role requirement.
 * App users' roles come from their JWT and mean whatever the app decides (e.g. `customer`, `agent`).
 */ export const OPERATOR_ROLES = [
    'admin',
    'approver',
    'knowledge_editor',
    'auditor'
];

//# sourceMappingURL=operator-roles.js.map