const EVERY_TENANT = {
    tenantScoped: false,
    allows: ()=>true,
    condition: ()=>undefined
};
export function visibilityScope(principal) {
    if (principal.kind === 'api-key') return EVERY_TENANT;
    // An empty claim is no tenant, never "any tenant".
    const tenantId = principal.tenantId || null;
    return {
        tenantScoped: true,
        allows: (rowTenant)=>(rowTenant || null) === tenantId,
        condition: (column)=>tenantId === null ? [
                `${column} IS NOT DISTINCT FROM ?`,
                null
            ] : [
                `${column} = ?`,
                tenantId
            ]
    };
}

//# sourceMappingURL=visibility-scope.js.map