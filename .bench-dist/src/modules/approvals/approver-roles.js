/** Every role that may decide some action: each approval tool's approver and escalation roles, sorted. */ export function approverRolesOf(tools) {
    const roles = new Set();
    for (const { approval } of tools)for (const role of [
        ...approval?.approverRoles ?? [],
        ...approval?.escalateTo ?? []
    ])roles.add(role);
    return [
        ...roles
    ].sort();
}
/** An operator's `admin` key decides anything; anyone else needs one of `roles`. */ export function holdsApproverRole(principal, roles) {
    if (principal.kind === 'api-key' && principal.roles.includes('admin')) return true;
    return principal.roles.some((role)=>roles.includes(role));
}

//# sourceMappingURL=approver-roles.js.map