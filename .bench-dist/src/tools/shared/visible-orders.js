/**
 * An order the principal may see: always within their tenant; a plain `customer` sees only their
 * own orders, staff (`agent`) every order of the tenant. Scope comes from the token, never the model.
 */ export async function findVisibleOrder(db, principal, orderNumber, lock = false) {
    const staff = principal.roles.includes('agent');
    const [row] = await db.query(`SELECT o.* FROM demo_orders o JOIN demo_customers c ON c.id = o.customer_id
     WHERE o.number = $1 AND o.tenant_id = $2 AND ($3 OR c.user_id = $4)${lock ? ' FOR UPDATE OF o' : ''}`, [
        orderNumber,
        principal.tenantId,
        staff,
        principal.id
    ]);
    return row;
}

//# sourceMappingURL=visible-orders.js.map