/**
 * The "model" of the Agents SDK contract tests: an order question calls the agent's
 * `lookup_order`, then reads its output back; a story is long enough to interrupt.
 */ export const AGENTS_SCENARIO = {
    name: 'agents-sdk-contract',
    fallback: 'Sorry?',
    rules: [
        {
            when: {
                regex: 'order (\\d+)',
                flags: 'i'
            },
            callTools: [
                {
                    name: 'lookup_order',
                    arguments: {
                        orderNumber: '{{match.1}}'
                    }
                }
            ],
            afterTools: 'Your order: {{output.lookup_order}}'
        },
        {
            when: {
                regex: 'story',
                flags: 'i'
            },
            say: `Once upon a time ${'there was a call. '.repeat(40)}`
        }
    ]
};

//# sourceMappingURL=agents-scenario.js.map