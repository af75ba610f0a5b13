/**
 * Which app-user roles may call which tools: the one place to read it. A customer may look things
 * up and ask for a callback; a staff agent may also change data and move money. Every entry names
 * a demo shop tool, so `AppModule` applies them only while the demo is on (SWITCHBOARD_DEMO): the
 * registry fails the boot on an entry naming a tool no provider registers.
 */ export const DEMO_TOOL_ALLOWLIST = {
    customer: [
        'lookup_order',
        'schedule_callback'
    ],
    agent: [
        'lookup_order',
        'schedule_callback',
        'update_customer_email',
        'issue_refund'
    ]
};

//# sourceMappingURL=tool-allowlist.js.map